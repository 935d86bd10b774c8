-- The regulators' filing views: coverage counts join units to their organisation and group by state;
-- the overdue list ranges over due dates.
CREATE INDEX ix_network_unit_coverage ON network_unit (organisation_id, filing_state, grade_level);
CREATE INDEX ix_network_unit_due ON network_unit (due_on, filing_state);
