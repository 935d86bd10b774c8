-- The findings list's access paths (docs/findings.md, "The register at scale"): one index per jurisdiction
-- path and sort key, the path's column first, then the sort's key columns, then id (the keyset's tie-breaker),
-- so that the first page, and every page after a cursor, is an index range that stops after the page.
-- Operators read by organisation_id (one range per organisation of their tree); provincial officers by
-- province_code; the Ministry by one range per province (and one for operators without a province), merged.
-- The sorts on a low-cardinality column (severity, category, status) take the due date next: the same index
-- serves that column's filter with the page's default order (due date). Each index runs in its sort's first
-- direction (newest, highest score first: DESC): MariaDB reads a descending page after a cursor as a range only
-- on an index in that direction (on an ascending one it filters from the range's end); PostgreSQL and H2 scan
-- either way.
CREATE INDEX ix_finding_o_title ON finding (organisation_id, title, id);
CREATE INDEX ix_finding_o_severity ON finding (organisation_id, severity_rank, due_on, id);
CREATE INDEX ix_finding_o_category ON finding (organisation_id, category, due_on, id);
CREATE INDEX ix_finding_o_status ON finding (organisation_id, status, due_on, id);
CREATE INDEX ix_finding_o_cvss ON finding (organisation_id, cvss_rank DESC, id DESC);
CREATE INDEX ix_finding_o_due ON finding (organisation_id, due_on, id);
CREATE INDEX ix_finding_o_created ON finding (organisation_id, created_at DESC, id DESC);
CREATE INDEX ix_finding_o_updated ON finding (organisation_id, updated_at DESC, id DESC);
CREATE INDEX ix_finding_o_overdue ON finding (organisation_id, open_due_on, id);
CREATE INDEX ix_finding_p_title ON finding (province_code, title, id);
CREATE INDEX ix_finding_p_severity ON finding (province_code, severity_rank, due_on, id);
CREATE INDEX ix_finding_p_category ON finding (province_code, category, due_on, id);
CREATE INDEX ix_finding_p_status ON finding (province_code, status, due_on, id);
CREATE INDEX ix_finding_p_cvss ON finding (province_code, cvss_rank DESC, id DESC);
CREATE INDEX ix_finding_p_due ON finding (province_code, due_on, id);
CREATE INDEX ix_finding_p_created ON finding (province_code, created_at DESC, id DESC);
CREATE INDEX ix_finding_p_updated ON finding (province_code, updated_at DESC, id DESC);
CREATE INDEX ix_finding_p_overdue ON finding (province_code, open_due_on, id);
