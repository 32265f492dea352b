ALTER TABLE staff DROP COLUMN disabled_at;
DROP TABLE audit_log;
DROP TABLE login_failures;
DROP TABLE staff_sessions;
