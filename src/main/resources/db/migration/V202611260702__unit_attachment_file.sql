-- The bytes of a unit attachment, read only on download.
CREATE TABLE unit_attachment_file (
    attachment_id BIGINT  NOT NULL,
    content       ${blob} NOT NULL,
    CONSTRAINT pk_unit_attachment_file PRIMARY KEY (attachment_id),
    CONSTRAINT fk_unit_attachment_file_attachment FOREIGN KEY (attachment_id) REFERENCES unit_attachment (id)
);
