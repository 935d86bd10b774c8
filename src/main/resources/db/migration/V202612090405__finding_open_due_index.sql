-- The reminders of the findings' SLA read the unresolved findings by their effective due day across the country.
CREATE INDEX ix_finding_open_due ON finding (open_due_on, id);
