DROP INDEX registrations_series;
ALTER TABLE registrations DROP COLUMN series_registration_id;
DROP INDEX meetings_series;
ALTER TABLE meetings DROP COLUMN detached;
ALTER TABLE meetings DROP COLUMN recurrence_local;
ALTER TABLE meetings DROP COLUMN series_id;
DROP TABLE series_registrations;
DROP TABLE series;
