-- Titles as long as the documentation promises (500 characters; they were cut at 300).
ALTER TABLE finding ALTER COLUMN title SET DATA TYPE VARCHAR(500);
