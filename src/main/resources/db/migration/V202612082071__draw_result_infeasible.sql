-- Every run attempt is a round: one whose seed and witness entropy left a drawn target without a team is stored
-- with result_state 'INFEASIBLE', the position in draw order of that target (infeasible_at) and every shortfall,
-- its seed revealed and its assignments empty. A new attempt after it needs a reason and another officer's
-- approval; superseded_reason, superseded_by, redraw_approved_by and superseded_at then record them on it.
ALTER TABLE draw_result ADD COLUMN infeasible_at INT;
ALTER TABLE draw_result ADD COLUMN shortfalls ${clob};
