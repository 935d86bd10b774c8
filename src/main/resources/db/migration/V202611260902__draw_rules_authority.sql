-- The authority whose detailed rules (细则) these are: a province's code, NULL for the Ministry's (national rules,
-- which every province may draw under). Only its own authority (and the Ministry) adds versions of a rules name.
ALTER TABLE draw_rules ADD COLUMN province_code VARCHAR(6);
