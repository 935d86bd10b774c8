SELECT COUNT(*) FROM (SELECT 1 FROM network_unit u WHERE (1 = 1) LIMIT 10001) counted;
SELECT u.id, u.name FROM network_unit u WHERE (1 = 1) ORDER BY u.updated_at DESC, u.id DESC LIMIT 21;
