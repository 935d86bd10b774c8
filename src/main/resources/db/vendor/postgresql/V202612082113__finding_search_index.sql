-- PostgreSQL: the register's search (q: any part of the title, the references or the asset, any case) through
-- trigram indexes (pg_trgm, a trusted extension the database's owner may create), one per column searched, so
-- that LOWER(col) LIKE '%term%' is a bitmap of the matching rows rather than a scan of the register.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_finding_title_trgm ON finding USING gin (LOWER(title) gin_trgm_ops);
CREATE INDEX ix_finding_refs_trgm ON finding USING gin (LOWER(vuln_refs) gin_trgm_ops);
CREATE INDEX ix_finding_asset_trgm ON finding USING gin (LOWER(asset) gin_trgm_ops);
