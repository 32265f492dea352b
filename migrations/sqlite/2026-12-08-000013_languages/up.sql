-- Languages (issue #15): a registration, a follow and a piece of public input keep the
-- language they were made in, and every later mail to that person is written in it.
-- Rows from before were made in English.
ALTER TABLE registrations ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE followers ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE inputs ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';
