-- The audit page filters by subject prefix (organisation:42, user:zhangsan).
CREATE INDEX ix_audit_entry_subject ON audit_entry (subject);
