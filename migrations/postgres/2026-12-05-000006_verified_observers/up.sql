-- Verified observers (see the SQLite migration of the same name).
ALTER TABLE meetings ADD COLUMN verify_email BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE registrations ADD COLUMN confirmed_at TIMESTAMP;
CREATE INDEX registrations_pending ON registrations (status, created_at);

CREATE TABLE manage_links (
    token_hash TEXT PRIMARY KEY,
    registration_id BIGINT NOT NULL REFERENCES registrations(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX manage_links_registration ON manage_links (registration_id);

CREATE TABLE mail_caps (
    id BIGSERIAL PRIMARY KEY,
    key TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL
);
CREATE INDEX mail_caps_key ON mail_caps (key, sent_at);
