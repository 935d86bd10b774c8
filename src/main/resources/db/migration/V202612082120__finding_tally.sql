-- The findings' counters (docs/findings.md, "Counts kept, not recounted"): how many findings per organisation,
-- severity, category, status, campaign ('' for none), day opened and effective due date (the plan's for MITIGATED,
-- the finding's own for OPEN and REOPENED, 9999-12-31 for a finding that cannot be overdue). Kept by the register
-- in the same transaction as every write; home pages and the regulators' summary sum these rows.
CREATE TABLE finding_tally (
    organisation_id BIGINT      NOT NULL,
    severity        VARCHAR(10) NOT NULL,
    category        VARCHAR(40) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    campaign_code   VARCHAR(60) NOT NULL,
    opened_on       DATE        NOT NULL,
    due_on          DATE        NOT NULL,
    n               BIGINT      NOT NULL,
    CONSTRAINT pk_finding_tally PRIMARY KEY (organisation_id, severity, category, status, campaign_code, opened_on,
        due_on)
);

-- The register as it stands. The day opened is created_at's day in the database session's time zone, which the
-- JDBC drivers set to the application's (the JVM's default zone, as the application clock's).
INSERT INTO finding_tally (organisation_id, severity, category, status, campaign_code, opened_on, due_on, n)
SELECT x.organisation_id, x.severity, x.category, x.status, x.campaign_code, x.opened_on, x.due_on, COUNT(*)
FROM (SELECT f.organisation_id, f.severity, f.category, f.status, COALESCE(f.campaign_code, '') AS campaign_code,
             CAST(f.created_at AS DATE) AS opened_on,
             CASE WHEN f.status IN ('OPEN', 'REOPENED') AND f.due_on IS NOT NULL THEN f.due_on
                  WHEN f.status = 'MITIGATED' AND f.plan_due_on IS NOT NULL THEN f.plan_due_on
                  ELSE DATE '9999-12-31' END AS due_on
      FROM finding f) x
GROUP BY x.organisation_id, x.severity, x.category, x.status, x.campaign_code, x.opened_on, x.due_on;
