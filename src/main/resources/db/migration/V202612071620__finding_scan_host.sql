-- What a scanner import covered, on each finding: the host in its canonical spelling and, for tool reports
-- (SARIF), the tool (driver name). A finding is flagged "not seen" only when a report of its format scanned
-- its host again (or the same tool ran over its unit), and the flag statement reads only those hosts' rows
-- through these indexes, never the operator's whole register.
ALTER TABLE finding ADD COLUMN scan_host VARCHAR(255);
ALTER TABLE finding ADD COLUMN scan_tool VARCHAR(200);
-- Rows imported before: the host is the second field of the key u<unit>|<host>|<port>/<proto>|<format>:<rule>.
-- Keys replaced by their SHA-256 (longer than 200) and code findings (empty host) keep no host; the tool of
-- old SARIF rows is unknown until a later report shows them again.
UPDATE finding SET scan_host = SUBSTRING(SUBSTRING(dedup_key FROM POSITION('|' IN dedup_key) + 1)
        FROM 1 FOR POSITION('|' IN SUBSTRING(dedup_key FROM POSITION('|' IN dedup_key) + 1)) - 1)
    WHERE source = 'IMPORT' AND scan_format IS NOT NULL AND dedup_key LIKE 'u%|%|%';
UPDATE finding SET scan_host = NULL WHERE scan_host = '';
CREATE INDEX ix_finding_scan_host ON finding (organisation_id, scan_host, scan_format);
CREATE INDEX ix_finding_scan_tool ON finding (organisation_id, scan_tool, network_unit_id);
