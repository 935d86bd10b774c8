-- The entry's instant as epoch milliseconds, the value its hash covers. A BIGINT comes back from every
-- database exactly as written, whatever the server's or the JVM's time zone, whereas MariaDB's DATETIME
-- keeps wall-clock time in the JVM's zone. occurred_at stays for filtering and for reading by hand;
-- entries written before this column existed keep NULL here and are hashed over occurred_at.
ALTER TABLE audit_entry ADD COLUMN occurred_ms BIGINT;
