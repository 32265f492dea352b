CREATE TABLE settings (
    key TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
);

CREATE TABLE groups (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    contact_email TEXT,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    uid TEXT NOT NULL UNIQUE,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    format TEXT NOT NULL,
    timezone TEXT NOT NULL,
    starts_at TIMESTAMP NOT NULL,
    ends_at TIMESTAMP NOT NULL,
    venue TEXT,
    address TEXT,
    city TEXT,
    country TEXT,
    online_url TEXT,
    online_details TEXT,
    online_url_visibility TEXT NOT NULL DEFAULT 'registrants',
    in_person_capacity INTEGER,
    remote_capacity INTEGER,
    waitlist BOOLEAN NOT NULL DEFAULT 1,
    registration_opens_at TIMESTAMP,
    registration_closes_at TIMESTAMP,
    status TEXT NOT NULL DEFAULT 'draft',
    cancel_reason TEXT,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);
CREATE INDEX meetings_starts_at ON meetings (starts_at);
CREATE INDEX meetings_group ON meetings (group_id, starts_at);

CREATE TABLE registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    affiliation TEXT,
    attendance TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    checked_in_at TIMESTAMP
);
CREATE UNIQUE INDEX registrations_one_active ON registrations (meeting_id, email_normalized) WHERE status <> 'cancelled';
CREATE INDEX registrations_seats ON registrations (meeting_id, attendance, status, id);

CREATE TABLE staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    email TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    staff_id INTEGER NOT NULL REFERENCES staff(id),
    label TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TIMESTAMP NOT NULL,
    last_used_at TIMESTAMP,
    revoked_at TIMESTAMP
);

CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    message_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    meeting_id INTEGER REFERENCES meetings(id),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body_text TEXT NOT NULL,
    body_html TEXT NOT NULL,
    ics TEXT,
    ics_method TEXT,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    lease_until TIMESTAMP,
    last_error TEXT,
    created_at TIMESTAMP NOT NULL,
    sent_at TIMESTAMP
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
