-- Every vulnerability id a finding cites (CVE, CNVD, CNNVD, CWE), one row each, so that none is cut (the
-- vuln_refs column holds at most 1,000 characters: one OpenVAS result cites 93 CVEs) and the findings list
-- finds a finding by an exact id through an index. vuln_refs stays as the short summary and is what rows
-- stored before this table have; readers take this table's rows where a finding has any.
CREATE TABLE finding_reference (
    finding_id BIGINT      NOT NULL,
    ref        VARCHAR(40) NOT NULL,
    CONSTRAINT pk_finding_reference PRIMARY KEY (finding_id, ref),
    CONSTRAINT fk_finding_reference_finding FOREIGN KEY (finding_id) REFERENCES finding (id)
);
CREATE INDEX ix_finding_reference_ref ON finding_reference (ref, finding_id);
