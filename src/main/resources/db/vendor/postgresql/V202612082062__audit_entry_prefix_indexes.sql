-- The audit page's prefix filters (action 'finding.%', subject 'finding:42%') as index ranges ordered by seq.
-- PostgreSQL uses a b-tree for LIKE 'prefix%' only under the C collation or with a pattern operator class,
-- and databases are created with the server's default collation: so the pattern class. The single-column
-- indexes they and V202612082061's replace are dropped.
CREATE INDEX ix_audit_entry_action_seq ON audit_entry (action varchar_pattern_ops, seq);
CREATE INDEX ix_audit_entry_subject_seq ON audit_entry (subject varchar_pattern_ops, seq);
DROP INDEX ix_audit_entry_actor;
DROP INDEX ix_audit_entry_action;
DROP INDEX ix_audit_entry_subject;
DROP INDEX ix_audit_entry_occurred;
