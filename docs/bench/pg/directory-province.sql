SELECT COUNT(*) FROM (SELECT 1 FROM organisation o WHERE o.province_code = '110000' LIMIT 10001) counted;
SELECT o.id, o.type, o.name, o.credit_code, o.province_code, o.licence_number, o.parent_id, o.contact_name, o.contact_phone, o.created_at, o.version FROM organisation o WHERE o.province_code = '110000' ORDER BY o.name ASC, o.id ASC LIMIT 21 OFFSET 0;
