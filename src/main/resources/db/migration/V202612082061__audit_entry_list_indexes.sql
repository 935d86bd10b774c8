-- The audit page at a million entries and more: every filter it offers is served by an index that also yields
-- the page's order (newest first, seq DESC), so a page reads its 50 rows and stops (docs/BENCHMARKS.md).
-- The date filter reads occurred_ms, the instant the hash covers; occurred_at is derived from it. The prefix
-- filters (action, subject) get their indexes in db/vendor: PostgreSQL needs a pattern operator class for LIKE.
CREATE INDEX ix_audit_entry_actor_seq ON audit_entry (actor, seq);
CREATE INDEX ix_audit_entry_occurred_ms ON audit_entry (occurred_ms, seq);
