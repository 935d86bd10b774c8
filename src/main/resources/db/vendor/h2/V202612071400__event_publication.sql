-- The event publication registry of Spring Modulith (schema v2, as its spring-modulith-events-jdbc 2.0 ships
-- for H2): one row per event and listener that runs after commit (@ApplicationModuleListener), written in the
-- publishing transaction and marked complete when the listener succeeds, so a failed reaction is not lost.
-- Created here rather than by Modulith (spring.modulith.events.jdbc.schema-initialization.enabled=false) so that
-- every database gets its tables from one migration history. The serialized event is unbounded (the shipped
-- schema stops at 4,000 characters) so that an event naming many items still fits.
CREATE TABLE EVENT_PUBLICATION (
    ID                     UUID                        NOT NULL,
    COMPLETION_DATE        TIMESTAMP(9) WITH TIME ZONE,
    EVENT_TYPE             VARCHAR(512)                NOT NULL,
    LISTENER_ID            VARCHAR(512)                NOT NULL,
    PUBLICATION_DATE       TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    SERIALIZED_EVENT       CHARACTER VARYING           NOT NULL,
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE TIMESTAMP(9) WITH TIME ZONE,
    PRIMARY KEY (ID)
);
CREATE INDEX EVENT_PUBLICATION_BY_LISTENER_ID_AND_SERIALIZED_EVENT_IDX
    ON EVENT_PUBLICATION (LISTENER_ID, SERIALIZED_EVENT);
CREATE INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX ON EVENT_PUBLICATION (COMPLETION_DATE);
