SELECT COUNT(*) FROM (SELECT 1 FROM organisation o WHERE 1 = 1 LIMIT 10001) counted;
SELECT o.id, o.name FROM organisation o WHERE 1 = 1 AND o.name >= '云川云计算有限公司123' AND (o.name > '云川云计算有限公司123' OR (o.name = '云川云计算有限公司123' AND o.id > 0)) ORDER BY o.name ASC, o.id ASC LIMIT 21;
