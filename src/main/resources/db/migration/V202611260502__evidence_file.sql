-- Evidence files (证明材料) kept in the database: the owner record they belong to (kind + id), the
-- organisation whose jurisdiction guards them, the sniffed content type and the SHA-256 of the bytes.
CREATE TABLE evidence_file (
    id               ${id_pk},
    owner_kind       VARCHAR(40)   NOT NULL,
    owner_id         BIGINT        NOT NULL,
    organisation_id  BIGINT        NOT NULL,
    file_name        VARCHAR(200)  NOT NULL,
    content_type     VARCHAR(120)  NOT NULL,
    size_bytes       BIGINT        NOT NULL,
    sha256           VARCHAR(64)   NOT NULL,
    content          ${blob}       NOT NULL,
    uploaded_by      VARCHAR(100)  NOT NULL,
    uploaded_at      ${ts}         NOT NULL,
    CONSTRAINT fk_evidence_file_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_evidence_file_owner ON evidence_file (owner_kind, owner_id);
