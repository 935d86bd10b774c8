-- The audit page's prefix filters (action 'finding.%', subject 'finding:42%') as index ranges ordered by seq;
-- the single-column indexes they and V202612082061's replace are dropped.
CREATE INDEX ix_audit_entry_action_seq ON audit_entry (action, seq);
CREATE INDEX ix_audit_entry_subject_seq ON audit_entry (subject, seq);
DROP INDEX ix_audit_entry_actor;
DROP INDEX ix_audit_entry_action;
DROP INDEX ix_audit_entry_subject;
DROP INDEX ix_audit_entry_occurred;
