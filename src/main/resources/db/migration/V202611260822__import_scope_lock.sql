-- One import at a time per operator: the row is the lock, so it holds across nodes. A row whose
-- heartbeat is older than the configured expiry belongs to a dead node and may be taken over.
CREATE TABLE import_scope_lock (
    organisation_id  BIGINT  NOT NULL PRIMARY KEY,
    import_id        BIGINT  NOT NULL,
    heartbeat_at     ${ts}   NOT NULL
);
