-- The findings list's sort keys that are derived from other columns of the row, kept by the database itself on
-- every write (so no writer, import or generator can forget them) and filled for the rows already stored:
-- severity_rank (HIGH 1, MEDIUM 2, LOW 3: the severity sort and filter through an index instead of a CASE),
-- cvss_rank (the score, -1 for none: a keyset needs a key without NULLs, which each database orders elsewhere)
-- and open_due_on (the effective due date of an unresolved finding, NULL once resolved: overdue is
-- open_due_on < today, the overdue list's order and range on one index).
-- PostgreSQL: stored generated columns (one rewrite of the table).
ALTER TABLE finding ADD COLUMN severity_rank SMALLINT GENERATED ALWAYS AS (CASE severity WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END) STORED,
    ADD COLUMN cvss_rank DECIMAL(3,1) GENERATED ALWAYS AS (COALESCE(cvss_score, -1)) STORED,
    ADD COLUMN open_due_on DATE GENERATED ALWAYS AS (CASE WHEN status IN ('OPEN', 'REOPENED') THEN due_on WHEN status = 'MITIGATED' THEN plan_due_on END) STORED;
