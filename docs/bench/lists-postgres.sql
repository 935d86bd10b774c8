-- Lists at national scale (issue 13): 200,000 operators and 400,000 network units on PostgreSQL, written
-- by SQL generate_series into a database migrated by the application (an empty schema). Seeded by the row
-- number only, so every run writes the same rows. Provinces are skewed: Beijing 15 %, Guangdong 12 %, the
-- other 29 sharing the rest. Run: psql -h 127.0.0.1 -U postgres -d insp_lists_bench -f docs/bench/lists-postgres.sql
\timing on
BEGIN;
INSERT INTO organisation (type, name, credit_code, province_code, licence_number, parent_id, created_at)
SELECT (ARRAY['VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM',
              'VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','INTERNET_ENTERPRISE',
              'INTERNET_ENTERPRISE','BASIC_TELECOM_PROVINCIAL'])[1 + i % 10],
       (ARRAY['华','信','通','云','数','网','安','联','智','科'])[1 + i % 10]
           || (ARRAY['星','海','山','川','创','达','盛','博','远','航'])[1 + (i / 10) % 10]
           || (ARRAY['科技','信息','网络','数据','通信','互联','软件','云计算'])[1 + (i / 100) % 8]
           || '有限公司' || i,
       '91' || lpad(i::text, 16, '0'),
       CASE WHEN i % 100 < 15 THEN '110000' WHEN i % 100 < 27 THEN '440000'
            ELSE (ARRAY['120000','130000','140000','150000','210000','220000','230000','310000','320000','330000',
                        '340000','350000','360000','370000','410000','420000','430000','450000','460000','500000',
                        '510000','520000','530000','540000','610000','620000','630000','640000','650000'])[1 + (i / 100) % 29]
       END,
       CASE WHEN i % 3 = 0 THEN 'B2-' || lpad(i::text, 8, '0') END,
       NULL,
       TIMESTAMPTZ '2020-01-01 00:00:00+00' + (i * INTERVAL '7 minutes')
FROM generate_series(1, 200000) AS g(i);
ANALYZE organisation; -- so that the joins below on the credit code plan as hash joins

-- Two units per operator on average: 400,000 in every state; a fifth routed to the Ministry.
INSERT INTO network_unit (organisation_id, authority_province_code, name, category, responsible_person,
    responsible_contact, grade_level, grading_reasoning, grading_reviewed_on, lifecycle_stage, filing_state,
    filing_kind, current_version_no, filing_number, due_on, submitted_at, created_at, updated_at)
SELECT o.id,
       CASE WHEN (u.i / 20) % 5 = 0 THEN NULL ELSE o.province_code END,
       (ARRAY['门户网站','计费系统','用户数据系统','移动应用','公有云平台','物联网平台','域名解析','邮件系统'])[1 + u.i % 8] || u.i,
       (ARRAY['PORTAL','BILLING','USER_DATA_SYSTEM','MOBILE_APP','PUBLIC_CLOUD','IOT_PLATFORM','DNS','EMAIL'])[1 + u.i % 8],
       '张三', '010-12345678',
       (ARRAY['LEVEL_2','LEVEL_2','LEVEL_3_1','LEVEL_3_2','LEVEL_4'])[1 + u.i % 5],
       'generated', DATE '2026-01-01', 'FORMAL_OPERATION',
       s.state, 'INITIAL', 1,
       CASE WHEN s.state = 'FILED' THEN 'F' || lpad(u.i::text, 10, '0') END,
       DATE '2026-01-01' + (u.i % 700),
       CASE WHEN s.state <> 'DRAFT' THEN TIMESTAMPTZ '2024-01-01 00:00:00+00' + (u.i * INTERVAL '97 seconds') END,
       TIMESTAMPTZ '2023-06-01 00:00:00+00' + (u.i * INTERVAL '61 seconds'),
       TIMESTAMPTZ '2024-06-01 00:00:00+00' + (((u.i::bigint * 7919) % 400000) * INTERVAL '73 seconds')
FROM generate_series(1, 400000) AS u(i)
JOIN organisation o ON o.credit_code = '91' || lpad((1 + (u.i::bigint * 48271) % 200000)::text, 16, '0')
CROSS JOIN LATERAL (SELECT CASE WHEN u.i % 20 < 12 THEN 'FILED' WHEN u.i % 20 < 14 THEN 'SUBMITTED'
                                WHEN u.i % 20 < 15 THEN 'RETURNED' ELSE 'DRAFT' END AS state) s;
ANALYZE network_unit;

-- 100,000 imports over the operators, 1 in 50 still running, a few failed.
INSERT INTO import_job (organisation_id, report_format, file_name, state, created_by, created_at, heartbeat_at,
    node_id, bytes_total, bytes_read, findings_parsed, count_new, count_updated, count_unchanged, count_reopened,
    count_not_seen, count_unmatched, unmatched_hosts)
SELECT o.id, 'NESSUS', 'scan-' || j.i || '.nessus',
       CASE WHEN j.i % 50 = 0 THEN 'RUNNING' WHEN j.i % 37 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END,
       'bench', TIMESTAMPTZ '2025-01-01 00:00:00+00' + (j.i * INTERVAL '5 minutes'),
       TIMESTAMPTZ '2025-01-01 00:00:00+00' + (j.i * INTERVAL '5 minutes'), 'bench', 1000, 1000, 10,
       5, 3, 2, 0, 0, 0, 0
FROM generate_series(1, 100000) AS j(i)
JOIN organisation o ON o.credit_code = '91' || lpad((1 + (j.i::bigint * 16807) % 200000)::text, 16, '0');
COMMIT;
ANALYZE organisation;
ANALYZE network_unit;
ANALYZE import_job;
-- Self-inspection workspaces of one campaign for 120,000 of the operators, in every state.
INSERT INTO self_inspection (campaign_code, organisation_id, state, recipient, recipient_province, submitted_at,
    submitted_late, created_by, created_at, updated_at)
SELECT 'bench-2026', o.id,
       (ARRAY['IN_PROGRESS','SUBMITTED','ACCEPTED','RETURNED','SUBMITTED'])[1 + o.id % 5],
       'LOCAL_ADMINISTRATION', o.province_code,
       CASE WHEN o.id % 5 IN (1, 2, 4) THEN TIMESTAMPTZ '2026-05-01 00:00:00+00' + (o.id * INTERVAL '1 minute') END,
       o.id % 7 = 0, 'bench', TIMESTAMPTZ '2026-04-01 00:00:00+00', TIMESTAMPTZ '2026-04-01 00:00:00+00'
FROM organisation o WHERE o.id % 5 <> 3;
ANALYZE self_inspection;
