-- The province whose administration reviews the target's filings (NULL = the Ministry), copied from the unit when
-- the check is planned: a published result is visible to the targets' reviewing authority (一公开).
ALTER TABLE planned_spot_check ADD COLUMN authority_province_code VARCHAR(6);
CREATE INDEX ix_planned_check_authority ON planned_spot_check (authority_province_code, draw_id);
