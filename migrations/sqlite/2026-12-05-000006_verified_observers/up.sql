-- Verified observers: a registration made anonymously for a meeting that verifies addresses
-- waits as 'pending' (no seat) until the owner of the address confirms it.
ALTER TABLE meetings ADD COLUMN verify_email BOOLEAN NOT NULL DEFAULT 1;

-- When the owner of the address confirmed it (NULL: never; mail then greets nobody by name).
ALTER TABLE registrations ADD COLUMN confirmed_at TIMESTAMP;
CREATE INDEX registrations_pending ON registrations (status, created_at);

-- Manage links mailed after the first one (the first is registrations.token_hash); every
-- link stays valid as long as its registration exists. Only hashes are stored.
CREATE TABLE manage_links (
    token_hash TEXT PRIMARY KEY NOT NULL,
    registration_id INTEGER NOT NULL REFERENCES registrations(id),
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX manage_links_registration ON manage_links (registration_id);

-- Mail caused by anonymous requests, one row per message counted against a cap; `key` is a
-- keyed hash of the capped thing (a recipient, or a recipient and a meeting), never an address.
CREATE TABLE mail_caps (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    key TEXT NOT NULL,
    sent_at TIMESTAMP NOT NULL
);
CREATE INDEX mail_caps_key ON mail_caps (key, sent_at);
