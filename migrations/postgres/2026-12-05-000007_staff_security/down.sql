ALTER TABLE api_tokens DROP COLUMN expires_at;
DROP TABLE login_throttle;
CREATE TABLE login_failures (
    id BIGSERIAL PRIMARY KEY,
    subject TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (subject, created_at);
