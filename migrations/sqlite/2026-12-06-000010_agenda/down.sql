ALTER TABLE meetings DROP COLUMN agenda;
