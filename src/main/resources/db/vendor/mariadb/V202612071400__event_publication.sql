-- The event publication registry of Spring Modulith (schema v2, as its spring-modulith-events-jdbc 2.0 ships
-- for MariaDB): one row per event and listener that runs after commit (@ApplicationModuleListener), written in
-- the publishing transaction and marked complete when the listener succeeds, so a failed reaction is not lost.
-- Created here rather than by Modulith (spring.modulith.events.jdbc.schema-initialization.enabled=false) so that
-- every database gets its tables from one migration history. Two changes to the shipped schema: DATETIME(6), as
-- every other instant of ours on MariaDB (a TIMESTAMP column ends in 2038 and, where explicit_defaults_for_timestamp
-- is off, updates itself on every write); and an unbounded serialized event (the shipped schema stops at 4,000
-- characters) so that an event naming many items still fits. Table name upper case as Modulith's queries spell it
-- (MariaDB table names are case-sensitive on Linux).
CREATE TABLE EVENT_PUBLICATION (
    ID                     VARCHAR(36)  NOT NULL,
    LISTENER_ID            VARCHAR(512) NOT NULL,
    EVENT_TYPE             VARCHAR(512) NOT NULL,
    SERIALIZED_EVENT       LONGTEXT     NOT NULL,
    PUBLICATION_DATE       DATETIME(6)  NOT NULL,
    COMPLETION_DATE        DATETIME(6)  NULL DEFAULT NULL,
    STATUS                 VARCHAR(20),
    COMPLETION_ATTEMPTS    INT,
    LAST_RESUBMISSION_DATE DATETIME(6),
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
);
