-- Login throttling: one counter row per subject (an account at an address, or an address),
-- counted up in one statement so that parallel attempts cannot all pass the check.
DROP TABLE login_failures;
CREATE TABLE login_throttle (
    subject TEXT PRIMARY KEY,
    attempts INTEGER NOT NULL,
    window_start TIMESTAMP NOT NULL
);
CREATE INDEX login_throttle_window ON login_throttle (window_start);

-- API tokens may expire.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP;
