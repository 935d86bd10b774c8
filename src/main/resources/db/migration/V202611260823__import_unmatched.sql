-- Findings of hosts that no network unit of the scope lists: kept (as JSON) until the user assigns the
-- host to a unit, never dropped.
CREATE TABLE import_staged_finding (
    id          ${id_pk},
    import_id   BIGINT        NOT NULL,
    host        VARCHAR(255)  NOT NULL,
    payload     ${clob}       NOT NULL,
    CONSTRAINT fk_import_staged_finding_job FOREIGN KEY (import_id) REFERENCES import_job (id)
);
CREATE INDEX ix_import_staged_finding_host ON import_staged_finding (import_id, host);
