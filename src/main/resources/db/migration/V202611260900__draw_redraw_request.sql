-- A re-draw is requested with a reason by one officer and approved by another (four eyes) before a new seed is
-- committed. While requested, the current round stays in force; the state to return to if refused is kept.
ALTER TABLE draw ADD COLUMN redraw_reason VARCHAR(1000);
ALTER TABLE draw ADD COLUMN redraw_requested_by_id BIGINT;
ALTER TABLE draw ADD COLUMN redraw_requested_by VARCHAR(64);
ALTER TABLE draw ADD COLUMN redraw_requested_at ${ts};
ALTER TABLE draw ADD COLUMN redraw_from_state VARCHAR(20);
ALTER TABLE draw_result ADD COLUMN redraw_approved_by VARCHAR(64);
