-- What a scanner import needs on each finding: when and by which import it was last seen, whether the
-- latest scan of its scope no longer showed it (a candidate for verification, never closed silently),
-- a hash of its descriptive fields (to tell "updated" from "unchanged") and the report format it came from.
ALTER TABLE finding ADD COLUMN last_seen_at ${ts};
ALTER TABLE finding ADD COLUMN last_import_id BIGINT;
ALTER TABLE finding ADD COLUMN not_seen BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE finding ADD COLUMN content_hash VARCHAR(64);
ALTER TABLE finding ADD COLUMN scan_format VARCHAR(10);
