-- Attachments of a network unit's detail (topology diagram, filing report, other): what they are, their
-- sniffed type, size and SHA-256. The bytes are kept apart (unit_attachment_file) so that lists never read them.
CREATE TABLE unit_attachment (
    id            ${id_pk},
    unit_id       BIGINT       NOT NULL,
    attachment_kind VARCHAR(20) NOT NULL,
    file_name     VARCHAR(200) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    file_size     BIGINT       NOT NULL,
    sha256        VARCHAR(64)  NOT NULL,
    uploaded_by   VARCHAR(64)  NOT NULL,
    uploaded_at   ${ts}        NOT NULL,
    CONSTRAINT fk_unit_attachment_unit FOREIGN KEY (unit_id) REFERENCES network_unit (id)
);
CREATE INDEX ix_unit_attachment_unit ON unit_attachment (unit_id, uploaded_at);
