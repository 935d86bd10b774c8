-- The province of the finding's operator (GB/T 2260 code, NULL for operators without one), written with the
-- finding (the organisation's province does not change), so that a provincial officer's list is an index range
-- on (province_code, sort key, id) instead of a join with every operator of the province followed by a sort.
ALTER TABLE finding ADD COLUMN province_code VARCHAR(6);
UPDATE finding SET province_code = (SELECT o.province_code FROM organisation o WHERE o.id = finding.organisation_id);
