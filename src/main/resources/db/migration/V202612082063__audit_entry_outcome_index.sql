-- The audit page's outcome filter (FAILURE, DENIED: a few per cent of the trail) as an index range in seq order,
-- for its page and its bounded count alike (docs/BENCHMARKS.md, "Audit trail at a million entries").
CREATE INDEX ix_audit_entry_outcome_seq ON audit_entry (outcome, seq);
