-- Scanner report imports (扫描报告导入) as background jobs: state, progress and counts kept here so that
-- any node can show them; heartbeat_at lets another node expire a job whose node died.
CREATE TABLE import_job (
    id                   ${id_pk},
    organisation_id      BIGINT        NOT NULL,
    unit_ids             VARCHAR(2000),
    report_format        VARCHAR(10),
    file_name            VARCHAR(255)  NOT NULL,
    state                VARCHAR(12)   NOT NULL,
    created_by           VARCHAR(100)  NOT NULL,
    created_at           ${ts}         NOT NULL,
    started_at           ${ts},
    finished_at          ${ts},
    heartbeat_at         ${ts}         NOT NULL,
    node_id              VARCHAR(64)   NOT NULL,
    bytes_total          BIGINT        NOT NULL,
    bytes_read           BIGINT        NOT NULL DEFAULT 0,
    findings_parsed      BIGINT        NOT NULL DEFAULT 0,
    count_new            INT,
    count_updated        INT,
    count_unchanged      INT,
    count_reopened       INT,
    count_not_seen       INT,
    count_unmatched      INT,
    unmatched_hosts      INT,
    error_key            VARCHAR(100),
    error_detail         VARCHAR(1000),
    CONSTRAINT fk_import_job_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_import_job_creator ON import_job (created_by, created_at);
CREATE INDEX ix_import_job_organisation ON import_job (organisation_id, created_at);
