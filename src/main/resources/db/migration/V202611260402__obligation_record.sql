-- Conformity evaluations (符合性评测) and risk assessments (风险评估) recorded by operators, and when each
-- result (with its rectification status or plan) reached the filing authority. The report file's bytes are
-- kept apart (obligation_report_file) so that lists never read them.
CREATE TABLE obligation_record (
    id                   ${id_pk},
    unit_id              BIGINT       NOT NULL,
    record_kind          VARCHAR(30)  NOT NULL,
    performed_on         DATE         NOT NULL,
    performed_by         VARCHAR(200) NOT NULL,
    outcome              VARCHAR(20)  NOT NULL,
    summary              ${clob},
    rectification        ${clob},
    reported_on          DATE,
    report_file_name     VARCHAR(200),
    report_content_type  VARCHAR(100),
    report_size          BIGINT,
    report_sha256        VARCHAR(64),
    recorded_by          VARCHAR(64)  NOT NULL,
    recorded_at          ${ts}        NOT NULL,
    version              INT          NOT NULL DEFAULT 0,
    CONSTRAINT fk_obligation_record_unit FOREIGN KEY (unit_id) REFERENCES network_unit (id)
);
CREATE INDEX ix_obligation_record_unit ON obligation_record (unit_id, record_kind, performed_on);
