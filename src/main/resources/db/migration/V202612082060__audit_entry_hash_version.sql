-- The scheme an entry's hash was computed with, itself part of the hash input (docs/operations.md, "What the
-- hash covers"). NULL: the first scheme, for every entry written before this column existed; those keep
-- verifying as they were written. New entries are written with 2.
ALTER TABLE audit_entry ADD COLUMN hash_version SMALLINT;
