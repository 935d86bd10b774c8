-- The event publication registry of Spring Modulith (schema v2, as its spring-modulith-events-jdbc 2.0 ships
-- for PostgreSQL): one row per event and listener that runs after commit (@ApplicationModuleListener), written in
-- the publishing transaction and marked complete when the listener succeeds, so a failed reaction is not lost.
-- Created here rather than by Modulith (spring.modulith.events.jdbc.schema-initialization.enabled=false) so that
-- every database gets its tables from one migration history.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (id)
);
-- Completing a publication looks it up by its serialized event (and listener).
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
