-- The frozen pool snapshot of a draw in its packed form (PackedSnapshot: codes written once, deflated; about half the
-- size of the gzip of its canonical JSON and read back without parsing text). Whoever reads it rebuilds and hashes the
-- canonical JSON, so the stored copy is checked against the commitment like the JSON was. Draws scheduled before this
-- keep their snapshot in snapshot_gzip (or snapshot_json) and are read from there while snapshot_packed is empty.
ALTER TABLE draw ADD snapshot_packed ${blob};
