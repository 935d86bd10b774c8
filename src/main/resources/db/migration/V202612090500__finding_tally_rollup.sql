-- The findings' coarser counters (docs/findings.md, "Counts kept, not recounted"), kept by the register in the same
-- transaction as finding_tally and from the same changes (FindingTallyRollup):
-- per province of the operator ('' for none) with finding_tally's other key columns, read by the Ministry's and a
-- province's summary and home page; and per operator and effective due date (the findings, the unresolved ones, the
-- unresolved HIGH ones), read by an operator's home page and the summary's ranking of operators; and the same per
-- province, read by the regulators' home pages and the summary's provinces (a few thousand rows for the country).
CREATE TABLE finding_tally_area (
    province_code   VARCHAR(6)  NOT NULL,
    severity        VARCHAR(10) NOT NULL,
    category        VARCHAR(40) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    campaign_code   VARCHAR(60) NOT NULL,
    opened_on       DATE        NOT NULL,
    due_on          DATE        NOT NULL,
    n               BIGINT      NOT NULL,
    CONSTRAINT pk_finding_tally_area PRIMARY KEY (province_code, severity, category, status, campaign_code, opened_on,
        due_on)
);

CREATE TABLE finding_tally_operator (
    organisation_id BIGINT NOT NULL,
    due_on          DATE   NOT NULL,
    n               BIGINT NOT NULL,
    unresolved      BIGINT NOT NULL,
    high_unresolved BIGINT NOT NULL,
    CONSTRAINT pk_finding_tally_operator PRIMARY KEY (organisation_id, due_on)
);

CREATE TABLE finding_tally_province (
    province_code   VARCHAR(6) NOT NULL,
    due_on          DATE       NOT NULL,
    n               BIGINT     NOT NULL,
    unresolved      BIGINT     NOT NULL,
    high_unresolved BIGINT     NOT NULL,
    CONSTRAINT pk_finding_tally_province PRIMARY KEY (province_code, due_on)
);

-- All three filled from the first level as it stands (its dates already collapsed before the horizon).
INSERT INTO finding_tally_area (province_code, severity, category, status, campaign_code, opened_on, due_on, n)
SELECT COALESCE(o.province_code, ''), t.severity, t.category, t.status, t.campaign_code, t.opened_on, t.due_on,
       SUM(t.n)
FROM finding_tally t JOIN organisation o ON o.id = t.organisation_id
GROUP BY COALESCE(o.province_code, ''), t.severity, t.category, t.status, t.campaign_code, t.opened_on, t.due_on
HAVING SUM(t.n) <> 0;

INSERT INTO finding_tally_operator (organisation_id, due_on, n, unresolved, high_unresolved)
SELECT t.organisation_id, t.due_on, SUM(t.n),
       SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED') THEN t.n ELSE 0 END),
       SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED') AND t.severity = 'HIGH' THEN t.n ELSE 0 END)
FROM finding_tally t
GROUP BY t.organisation_id, t.due_on
HAVING SUM(t.n) <> 0;

INSERT INTO finding_tally_province (province_code, due_on, n, unresolved, high_unresolved)
SELECT COALESCE(o.province_code, ''), t.due_on, SUM(t.n),
       SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED') THEN t.n ELSE 0 END),
       SUM(CASE WHEN t.status IN ('OPEN', 'REOPENED', 'MITIGATED') AND t.severity = 'HIGH' THEN t.n ELSE 0 END)
FROM finding_tally t JOIN organisation o ON o.id = t.organisation_id
GROUP BY COALESCE(o.province_code, ''), t.due_on
HAVING SUM(t.n) <> 0;
