-- The day the team started the inspection of a planned spot check (null: not started). Only started (or done)
-- inspections count as "last inspected" for a later draw's recent-inspection exclusion, and only when started
-- before that draw's date (docs/draw-algorithm.md §4); a plan alone, or a plan dated after the draw, does not.
ALTER TABLE planned_spot_check ADD COLUMN started_on DATE;
