-- The findings' counters keep a day opened or an unresolved finding's due date exactly only from the horizon on
-- (FindingTally.horizon: 181 days ago); an older one is kept as 1900-01-01, since such a finding is in the oldest
-- age and lateness buckets on every later day. This collapses the rows the first backfill wrote with every date
-- (about one row per finding for a register opened over years). 182 days here, not 181: the database's current
-- date may be the application's yesterday; a row left with its exact date still counts in the same buckets.
CREATE TABLE finding_tally_collapsed AS
SELECT x.organisation_id, x.severity, x.category, x.status, x.campaign_code, x.opened_on, x.due_on, SUM(x.n) AS n
FROM (SELECT t.organisation_id, t.severity, t.category, t.status, t.campaign_code,
             CASE WHEN t.opened_on < DATE_SUB(CURRENT_DATE, INTERVAL 182 DAY) THEN DATE '1900-01-01' ELSE t.opened_on END AS opened_on,
             CASE WHEN t.due_on < DATE_SUB(CURRENT_DATE, INTERVAL 182 DAY) THEN DATE '1900-01-01' ELSE t.due_on END AS due_on,
             t.n
      FROM finding_tally t) x
GROUP BY x.organisation_id, x.severity, x.category, x.status, x.campaign_code, x.opened_on, x.due_on;

DELETE FROM finding_tally;

INSERT INTO finding_tally (organisation_id, severity, category, status, campaign_code, opened_on, due_on, n)
SELECT organisation_id, severity, category, status, campaign_code, opened_on, due_on, n
FROM finding_tally_collapsed WHERE n <> 0;

DROP TABLE finding_tally_collapsed;
