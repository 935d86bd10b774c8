-- Lists at national scale on MariaDB: the same rows as lists-postgres.sql (200,000 operators, 400,000 units,
-- 100,000 imports, 160,000 self-inspection workspaces), written with MariaDB's sequence tables (seq_1_to_N)
-- into a schema migrated by the application. Run:
--   mariadb -h 127.0.0.1 -u root insp_lists_bench < docs/bench/lists-mariadb.sql
SET SESSION sql_log_bin = 0;
INSERT INTO organisation (type, name, credit_code, province_code, licence_number, parent_id, created_at)
SELECT ELT(1 + seq % 10, 'VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM',
           'VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','VALUE_ADDED_TELECOM','INTERNET_ENTERPRISE',
           'INTERNET_ENTERPRISE','BASIC_TELECOM_PROVINCIAL'),
       CONCAT(ELT(1 + seq % 10, '华','信','通','云','数','网','安','联','智','科'),
              ELT(1 + (seq DIV 10) % 10, '星','海','山','川','创','达','盛','博','远','航'),
              ELT(1 + (seq DIV 100) % 8, '科技','信息','网络','数据','通信','互联','软件','云计算'), '有限公司', seq),
       CONCAT('91', LPAD(seq, 16, '0')),
       CASE WHEN seq % 100 < 15 THEN '110000' WHEN seq % 100 < 27 THEN '440000'
            ELSE ELT(1 + (seq DIV 100) % 29, '120000','130000','140000','150000','210000','220000','230000','310000',
                     '320000','330000','340000','350000','360000','370000','410000','420000','430000','450000',
                     '460000','500000','510000','520000','530000','540000','610000','620000','630000','640000','650000')
       END,
       CASE WHEN seq % 3 = 0 THEN CONCAT('B2-', LPAD(seq, 8, '0')) END,
       NULL,
       TIMESTAMP '2020-01-01 00:00:00' + INTERVAL (seq * 7) MINUTE
FROM seq_1_to_200000;

INSERT INTO network_unit (organisation_id, authority_province_code, name, category, responsible_person,
    responsible_contact, grade_level, grading_reasoning, grading_reviewed_on, lifecycle_stage, filing_state,
    filing_kind, current_version_no, filing_number, due_on, submitted_at, created_at, updated_at)
SELECT o.id,
       CASE WHEN (u.seq DIV 20) % 5 = 0 THEN NULL ELSE o.province_code END,
       CONCAT(ELT(1 + u.seq % 8, '门户网站','计费系统','用户数据系统','移动应用','公有云平台','物联网平台','域名解析','邮件系统'), u.seq),
       ELT(1 + u.seq % 8, 'PORTAL','BILLING','USER_DATA_SYSTEM','MOBILE_APP','PUBLIC_CLOUD','IOT_PLATFORM','DNS','EMAIL'),
       '张三', '010-12345678',
       ELT(1 + u.seq % 5, 'LEVEL_2','LEVEL_2','LEVEL_3_1','LEVEL_3_2','LEVEL_4'),
       'generated', DATE '2026-01-01', 'FORMAL_OPERATION',
       CASE WHEN u.seq % 20 < 12 THEN 'FILED' WHEN u.seq % 20 < 14 THEN 'SUBMITTED'
            WHEN u.seq % 20 < 15 THEN 'RETURNED' ELSE 'DRAFT' END,
       'INITIAL', 1,
       CASE WHEN u.seq % 20 < 12 THEN CONCAT('F', LPAD(u.seq, 10, '0')) END,
       DATE '2026-01-01' + INTERVAL (u.seq % 700) DAY,
       CASE WHEN u.seq % 20 < 15 THEN TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (u.seq * 97) SECOND END,
       TIMESTAMP '2023-06-01 00:00:00' + INTERVAL (u.seq * 61) SECOND,
       TIMESTAMP '2024-06-01 00:00:00' + INTERVAL (((u.seq * 7919) % 400000) * 73) SECOND
FROM seq_1_to_400000 u
JOIN organisation o ON o.credit_code = CONCAT('91', LPAD(1 + (u.seq * 48271) % 200000, 16, '0'));

INSERT INTO import_job (organisation_id, report_format, file_name, state, created_by, created_at, heartbeat_at,
    node_id, bytes_total, bytes_read, findings_parsed, count_new, count_updated, count_unchanged, count_reopened,
    count_not_seen, count_unmatched, unmatched_hosts)
SELECT o.id, 'NESSUS', CONCAT('scan-', j.seq, '.nessus'),
       CASE WHEN j.seq % 50 = 0 THEN 'RUNNING' WHEN j.seq % 37 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END,
       'bench', TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (j.seq * 5) MINUTE,
       TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (j.seq * 5) MINUTE, 'bench', 1000, 1000, 10, 5, 3, 2, 0, 0, 0, 0
FROM seq_1_to_100000 j
JOIN organisation o ON o.credit_code = CONCAT('91', LPAD(1 + (j.seq * 16807) % 200000, 16, '0'));

INSERT INTO self_inspection (campaign_code, organisation_id, state, recipient, recipient_province, submitted_at,
    submitted_late, created_by, created_at, updated_at)
SELECT 'bench-2026', o.id, ELT(1 + o.id % 5, 'IN_PROGRESS','SUBMITTED','ACCEPTED','RETURNED','SUBMITTED'),
       'LOCAL_ADMINISTRATION', o.province_code,
       CASE WHEN o.id % 5 IN (1, 2, 4) THEN TIMESTAMP '2026-05-01 00:00:00' + INTERVAL o.id MINUTE END,
       o.id % 7 = 0, 'bench', TIMESTAMP '2026-04-01 00:00:00', TIMESTAMP '2026-04-01 00:00:00'
FROM organisation o WHERE o.id % 5 <> 3;
ANALYZE TABLE organisation, network_unit, import_job, self_inspection;
