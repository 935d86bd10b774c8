-- The findings list's sort keys that are derived from other columns of the row, kept by the database itself on
-- every write (so no writer, import or generator can forget them) and filled for the rows already stored:
-- severity_rank (HIGH 1, MEDIUM 2, LOW 3: the severity sort and filter through an index instead of a CASE),
-- cvss_rank (the score, -1 for none: a keyset needs a key without NULLs, which each database orders elsewhere)
-- and open_due_on (the effective due date of an unresolved finding, NULL once resolved: overdue is
-- open_due_on < today, the overdue list's order and range on one index).
-- MariaDB: persistent (stored) generated columns, which InnoDB indexes.
ALTER TABLE finding ADD COLUMN severity_rank SMALLINT AS (CASE severity WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END) PERSISTENT,
    ADD COLUMN cvss_rank DECIMAL(3,1) AS (COALESCE(cvss_score, -1)) PERSISTENT,
    ADD COLUMN open_due_on DATE AS (CASE WHEN status IN ('OPEN', 'REOPENED') THEN due_on WHEN status = 'MITIGATED' THEN plan_due_on END) PERSISTENT;
