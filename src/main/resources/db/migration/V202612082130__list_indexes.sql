-- One composite index per access path of the lists (docs/architecture.md, "A list in this product"): the
-- jurisdiction's column first where the list has one, then the sort column, then the id that breaks ties,
-- so that a page (and the page after a cursor) is one index range that stops after the page.

-- The organisation directory and the operator picker, by name (nationwide and within a province).
CREATE INDEX ix_organisation_name ON organisation (name, id);
CREATE INDEX ix_organisation_province_name ON organisation (province_code, name, id);

-- The unit list, newest change first (an operator's units; the whole country) and by name.
CREATE INDEX ix_network_unit_org_updated ON network_unit (organisation_id, updated_at, id);
CREATE INDEX ix_network_unit_updated ON network_unit (updated_at, id);
CREATE INDEX ix_network_unit_org_name ON network_unit (organisation_id, name, id);

-- The review queue: submitted filings of one authority (NULL = the Ministry), oldest submission first.
CREATE INDEX ix_network_unit_queue ON network_unit (filing_state, authority_province_code, submitted_at, id);

-- The imports list, newest first: an operator's imports and the whole country's.
CREATE INDEX ix_import_job_org_created ON import_job (organisation_id, created_at, id);
CREATE INDEX ix_import_job_created ON import_job (created_at, id);
