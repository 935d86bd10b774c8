-- The audit page's prefix filters (action 'finding.%', subject 'finding:42%') as index ranges ordered by seq;
-- the single-column indexes they and V202612082061's replace are dropped.
CREATE INDEX ix_audit_entry_action_seq ON audit_entry (action, seq);
CREATE INDEX ix_audit_entry_subject_seq ON audit_entry (subject, seq);
DROP INDEX ix_audit_entry_actor ON audit_entry;
DROP INDEX ix_audit_entry_action ON audit_entry;
DROP INDEX ix_audit_entry_subject ON audit_entry;
DROP INDEX ix_audit_entry_occurred ON audit_entry;
