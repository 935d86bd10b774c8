-- What a scanner report says beside the description, each in its own column instead of joined into it:
-- the solution, the evidence (plugin or script output), the importer's flags on the data (a comma-separated
-- set of names: TEXT_TRUNCATED, CVSS_NOT_PARSED, FORMULA_LIKE_TEXT), the CVSS version of the vector
-- (2.0, 3.0, 3.1, 4.0) and, for an item the tool reports as suppressed, that it is and why.
-- Rows stored before keep what they have (their solution and evidence stay inside the description).
ALTER TABLE finding ADD COLUMN solution ${clob};
ALTER TABLE finding ADD COLUMN evidence ${clob};
ALTER TABLE finding ADD COLUMN data_flags VARCHAR(200);
ALTER TABLE finding ADD COLUMN cvss_version VARCHAR(3);
ALTER TABLE finding ADD COLUMN suppressed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE finding ADD COLUMN suppression_note VARCHAR(2000);
