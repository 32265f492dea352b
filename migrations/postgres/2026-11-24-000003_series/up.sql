CREATE TABLE series (
    id BIGSERIAL PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    group_id BIGINT NOT NULL REFERENCES groups(id),
    title TEXT NOT NULL,
    timezone TEXT NOT NULL,
    first_start_local TIMESTAMP NOT NULL,
    duration_minutes INTEGER NOT NULL,
    interval_weeks INTEGER NOT NULL,
    weekdays TEXT NOT NULL,
    until_date TEXT,
    occurrence_count INTEGER,
    template_json TEXT NOT NULL,
    sequence INTEGER NOT NULL DEFAULT 0,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE series_registrations (
    id BIGSERIAL PRIMARY KEY,
    series_id BIGINT NOT NULL REFERENCES series(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    affiliation TEXT,
    attendance TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX series_registrations_one_active ON series_registrations (series_id, email_normalized) WHERE status <> 'cancelled';

ALTER TABLE meetings ADD COLUMN series_id BIGINT REFERENCES series(id);
ALTER TABLE meetings ADD COLUMN recurrence_local TIMESTAMP;
ALTER TABLE meetings ADD COLUMN detached BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX meetings_series ON meetings (series_id, recurrence_local);

ALTER TABLE registrations ADD COLUMN series_registration_id BIGINT REFERENCES series_registrations(id);
CREATE INDEX registrations_series ON registrations (series_registration_id);
