DROP TABLE mail_caps;
DROP TABLE manage_links;
DROP INDEX registrations_pending;
DELETE FROM registrations WHERE status = 'pending';
ALTER TABLE registrations DROP COLUMN confirmed_at;
ALTER TABLE meetings DROP COLUMN verify_email;
