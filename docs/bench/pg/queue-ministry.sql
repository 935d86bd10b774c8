SELECT COUNT(*) FROM (SELECT 1 FROM network_unit u WHERE (u.authority_province_code IS NULL) AND u.filing_state = 'SUBMITTED' LIMIT 10001) counted;
SELECT u.id, u.name FROM network_unit u WHERE (u.authority_province_code IS NULL) AND u.filing_state = 'SUBMITTED' ORDER BY u.submitted_at ASC, u.id ASC LIMIT 21;
