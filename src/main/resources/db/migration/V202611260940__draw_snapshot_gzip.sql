-- The frozen pool snapshot of a draw, stored as the gzip of its canonical JSON bytes (the published bytes,
-- compressed; the pools repeat few codes, so they shrink many times). Draws scheduled before this keep their
-- snapshot in snapshot_json and are read from there while snapshot_gzip is empty.
ALTER TABLE draw ADD snapshot_gzip ${blob};
