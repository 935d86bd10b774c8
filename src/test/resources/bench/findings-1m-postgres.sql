-- A register of about 1,000,000 findings for the findings list's benchmark and EXPLAIN checks on PostgreSQL
-- (docs/BENCHMARKS.md, "The findings list at 1,000,000"). Seeded; written by SQL (generate_series), not through
-- the application. 2,000 operators over 31 provinces (Guangdong and Beijing heavy); operator "BENCH-BIG" in
-- Guangdong holds 400,000 findings; every severity, category and status; opened up to 400 days back.
-- Run on a migrated database: psql -v ON_ERROR_STOP=1 -f findings-1m-postgres.sql <db>
SELECT setseed(0.13);
INSERT INTO organisation (type, name, credit_code, province_code, created_at)
SELECT 'INTERNET_ENTERPRISE', 'BENCH-' || i, 'B' || lpad(i::text, 17, '0'),
       (ARRAY['440000','440000','440000','110000','110000','310000','320000','330000','370000','510000',
              '120000','130000','140000','150000','210000','220000','230000','340000','350000','360000',
              '410000','420000','430000','450000','460000','500000','520000','530000','540000','610000',
              '620000','630000','640000','650000'])[1 + (i % 34)],
       now()
FROM generate_series(1, 2000) i;
UPDATE organisation SET name = 'BENCH-BIG' WHERE credit_code = 'B' || lpad('1', 17, '0');
CREATE TEMPORARY TABLE bench_org AS
SELECT row_number() OVER (ORDER BY id) AS n, id, province_code FROM organisation WHERE name LIKE 'BENCH-%';
INSERT INTO finding (organisation_id, network_unit_id, asset, title, category, severity, vuln_refs, cvss_score, source,
    status, due_on, plan_due_on, created_by, created_at, updated_at, version, province_code)
SELECT o.id, (SELECT MIN(id) FROM network_unit), 'host-' || (g % 5000) || '.example.cn',
       (ARRAY['Remote code execution in web server', 'SQL injection in login form', '弱口令：管理后台',
              'TLS 1.0 enabled', 'Directory listing enabled', '未授权访问：数据库端口', 'Outdated OpenSSL',
              'Cross-site scripting in search', '敏感信息泄露', 'SSH weak ciphers'])[1 + (g % 10)] || ' #' || g,
       (ARRAY['VULNERABILITY', 'WEAK_PASSWORD', 'MISCONFIGURATION', 'VULNERABILITY'])[1 + (g % 4)],
       CASE WHEN r.s < 0.2 THEN 'HIGH' WHEN r.s < 0.6 THEN 'MEDIUM' ELSE 'LOW' END,
       'CVE-20' || (10 + g % 15) || '-' || (1000 + g % 40000),
       CASE WHEN g % 5 = 0 THEN NULL ELSE round((r.c * 10)::numeric, 1) END, 'IMPORT',
       CASE WHEN r.t < 0.25 THEN 'OPEN' WHEN r.t < 0.30 THEN 'REOPENED' WHEN r.t < 0.40 THEN 'MITIGATED'
            WHEN r.t < 0.50 THEN 'FIXED' WHEN r.t < 0.55 THEN 'VERIFIED' ELSE 'CLOSED' END,
       (now() - (r.a * 400) * interval '1 day' + interval '30 days')::date,
       CASE WHEN r.t >= 0.30 AND r.t < 0.40 THEN (now() + (r.c * 60 - 20) * interval '1 day')::date END,
       'bench', now() - (r.a * 400) * interval '1 day', now() - (r.a * 200) * interval '1 day', 0, o.province_code
FROM generate_series(1, 1000000) g
-- the lateral row names g, so that its random() values are drawn per finding (not once for all)
CROSS JOIN LATERAL (SELECT g AS k, random() AS s, random() AS t, random() AS c, random() AS a) r
JOIN bench_org o ON o.n = CASE WHEN g % 5 < 2 THEN 1 ELSE 2 + (g % 1999) END;
ANALYZE organisation;
ANALYZE finding;
