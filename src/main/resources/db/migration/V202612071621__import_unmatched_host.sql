-- The unmatched hosts of an import, one row each with its number of waiting findings and a key that sorts
-- them naturally (IPv4 numerically, then IPv6, then names, "(code)" last), so that a page of them is read in
-- order without grouping the staged findings. Rows staged before get a key that sorts them by name.
CREATE TABLE import_unmatched_host (
    import_id  BIGINT        NOT NULL,
    host       VARCHAR(255)  NOT NULL,
    sort_key   VARCHAR(300)  NOT NULL,
    findings   INT           NOT NULL,
    CONSTRAINT pk_import_unmatched_host PRIMARY KEY (import_id, host),
    CONSTRAINT fk_import_unmatched_host_job FOREIGN KEY (import_id) REFERENCES import_job (id)
);
CREATE INDEX ix_import_unmatched_host_sort ON import_unmatched_host (import_id, sort_key);
INSERT INTO import_unmatched_host (import_id, host, sort_key, findings)
    SELECT import_id, host, CASE WHEN host = '(code)' THEN '4' ELSE CONCAT('3', host) END, COUNT(*)
    FROM import_staged_finding GROUP BY import_id, host;
