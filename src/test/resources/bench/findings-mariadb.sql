-- A register of 200,000 findings for the findings list's EXPLAIN checks on MariaDB (docs/findings.md), the same
-- shape as findings-1m-postgres.sql: 2,000 operators, "BENCH-BIG" in Guangdong holding 40 %. Seeded (RAND(13)),
-- written by SQL over the sequence engine. Run on a migrated database: mariadb <db> < findings-mariadb.sql
INSERT INTO organisation (type, name, credit_code, province_code, created_at)
SELECT 'INTERNET_ENTERPRISE', CONCAT('BENCH-', seq), CONCAT('B', LPAD(seq, 17, '0')),
       ELT(1 + (seq % 34), '440000','440000','440000','110000','110000','310000','320000','330000','370000',
           '510000','120000','130000','140000','150000','210000','220000','230000','340000','350000','360000',
           '410000','420000','430000','450000','460000','500000','520000','530000','540000','610000','620000',
           '630000','640000','650000'),
       NOW()
FROM seq_1_to_2000;
UPDATE organisation SET name = 'BENCH-BIG' WHERE credit_code = CONCAT('B', LPAD('1', 17, '0'));
CREATE TEMPORARY TABLE bench_org AS
SELECT ROW_NUMBER() OVER (ORDER BY id) AS n, id, province_code FROM organisation WHERE name LIKE 'BENCH-%';
DO RAND(13);
INSERT INTO finding (organisation_id, network_unit_id, asset, title, category, severity, vuln_refs, cvss_score,
    source, status, due_on, plan_due_on, created_by, created_at, updated_at, version, province_code)
SELECT o.id, (SELECT MIN(id) FROM network_unit), CONCAT('host-', g % 5000, '.example.cn'),
       CONCAT(ELT(1 + (g % 10), 'Remote code execution in web server', 'SQL injection in login form', '弱口令：管理后台',
              'TLS 1.0 enabled', 'Directory listing enabled', '未授权访问：数据库端口', 'Outdated OpenSSL',
              'Cross-site scripting in search', '敏感信息泄露', 'SSH weak ciphers'), ' #', g),
       ELT(1 + (g % 4), 'VULNERABILITY', 'WEAK_PASSWORD', 'MISCONFIGURATION', 'VULNERABILITY'),
       CASE WHEN s < 0.2 THEN 'HIGH' WHEN s < 0.6 THEN 'MEDIUM' ELSE 'LOW' END,
       CONCAT('CVE-20', 10 + g % 15, '-', 1000 + g % 40000),
       CASE WHEN g % 5 = 0 THEN NULL ELSE ROUND(c * 10, 1) END, 'IMPORT',
       CASE WHEN t < 0.25 THEN 'OPEN' WHEN t < 0.30 THEN 'REOPENED' WHEN t < 0.40 THEN 'MITIGATED'
            WHEN t < 0.50 THEN 'FIXED' WHEN t < 0.55 THEN 'VERIFIED' ELSE 'CLOSED' END,
       DATE(NOW() - INTERVAL FLOOR(a * 400) DAY + INTERVAL 30 DAY),
       CASE WHEN t >= 0.30 AND t < 0.40 THEN DATE(NOW() + INTERVAL FLOOR(c * 60 - 20) DAY) END,
       'bench', NOW() - INTERVAL FLOOR(a * 400) DAY, NOW() - INTERVAL FLOOR(a * 200) DAY, 0, o.province_code
FROM (SELECT seq AS g, RAND() AS s, RAND() AS t, RAND() AS c, RAND() AS a FROM seq_1_to_200000) r
JOIN bench_org o ON o.n = CASE WHEN g % 5 < 2 THEN 1 ELSE 2 + (g % 1999) END;
ANALYZE TABLE organisation, finding;
