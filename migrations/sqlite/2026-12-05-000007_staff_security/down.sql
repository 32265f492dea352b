ALTER TABLE api_tokens DROP COLUMN expires_at;
DROP TABLE login_throttle;
CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    subject TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, created_at);
