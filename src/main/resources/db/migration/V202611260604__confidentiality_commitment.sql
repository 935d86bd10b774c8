-- Signed confidentiality commitments (保密承诺书) of an agency (user_id NULL) or of one inspector, with the
-- signed file as uploaded (PDF or image), its SHA-256 and validity dates (inclusive).
CREATE TABLE confidentiality_commitment (
    id            ${id_pk},
    agency_id     BIGINT        NOT NULL,
    user_id       BIGINT,
    signed_on     DATE          NOT NULL,
    valid_from    DATE          NOT NULL,
    valid_until   DATE          NOT NULL,
    file_name     VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(40)   NOT NULL,
    size_bytes    INT           NOT NULL,
    sha256        VARCHAR(64)   NOT NULL,
    content       ${blob}       NOT NULL,
    uploaded_by   VARCHAR(64)   NOT NULL,
    uploaded_at   ${ts}         NOT NULL,
    CONSTRAINT fk_commitment_agency FOREIGN KEY (agency_id) REFERENCES organisation (id),
    CONSTRAINT fk_commitment_user FOREIGN KEY (user_id) REFERENCES user_account (id)
);
CREATE INDEX ix_commitment_agency ON confidentiality_commitment (agency_id, user_id);
