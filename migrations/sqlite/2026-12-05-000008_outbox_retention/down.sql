-- The removed content cannot come back; the columns go.
DROP INDEX outbox_registration;
ALTER TABLE outbox DROP COLUMN scrubbed_at;
ALTER TABLE outbox DROP COLUMN failed_at;
ALTER TABLE outbox DROP COLUMN registration_id;
