-- The report file of an evaluation or assessment (PDF, DOCX, XLSX or image, checked by its bytes).
CREATE TABLE obligation_report_file (
    record_id  BIGINT  NOT NULL,
    content    ${blob} NOT NULL,
    CONSTRAINT pk_obligation_report_file PRIMARY KEY (record_id),
    CONSTRAINT fk_obligation_report_file_record FOREIGN KEY (record_id) REFERENCES obligation_record (id)
);
