SELECT COUNT(*) FROM (SELECT 1 FROM import_job j WHERE (j.organisation_id IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.province_code = '110000')) LIMIT 10001) counted;
SELECT j.* FROM import_job j WHERE (j.organisation_id IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.province_code = '110000')) ORDER BY j.created_at DESC, j.id DESC LIMIT 21;
