ALTER TABLE inputs DROP COLUMN lang;
ALTER TABLE followers DROP COLUMN lang;
ALTER TABLE registrations DROP COLUMN lang;
