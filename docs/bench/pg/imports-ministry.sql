SELECT COUNT(*) FROM (SELECT 1 FROM import_job j WHERE (1 = 1) LIMIT 10001) counted;
SELECT j.* FROM import_job j WHERE (1 = 1) ORDER BY j.created_at DESC, j.id DESC LIMIT 21;
