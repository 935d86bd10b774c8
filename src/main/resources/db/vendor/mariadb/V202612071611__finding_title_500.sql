-- Titles as long as the documentation promises (500 characters; they were cut at 300).
ALTER TABLE finding MODIFY title VARCHAR(500) NOT NULL;
