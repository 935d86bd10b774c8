-- Text search of the lists without a scan on PostgreSQL: trigram indexes serve the lists' "contains"
-- filters (LOWER(column) LIKE '%text%'), so that a rare word reads a few index pages rather than every row.
-- MariaDB and H2 keep the same SQL without such an index (docs/operations.md). Creating the extension needs a
-- role allowed to (the database owner on PostgreSQL 13+, pg_trgm being a trusted extension).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_organisation_name_trgm ON organisation USING gin (LOWER(name) gin_trgm_ops);
CREATE INDEX ix_organisation_credit_code_trgm ON organisation USING gin (LOWER(credit_code) gin_trgm_ops);
CREATE INDEX ix_organisation_licence_trgm ON organisation USING gin (LOWER(licence_number) gin_trgm_ops);
CREATE INDEX ix_network_unit_name_trgm ON network_unit USING gin (LOWER(name) gin_trgm_ops);
CREATE INDEX ix_network_unit_filing_number_trgm ON network_unit USING gin (LOWER(filing_number) gin_trgm_ops);
