ALTER TABLE meetings DROP COLUMN days;

CREATE TABLE series_registrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    series_id INTEGER NOT NULL REFERENCES series(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    affiliation TEXT,
    attendance TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL
);
INSERT INTO series_registrations SELECT id, series_id, token_hash, name, email, email_normalized,
    affiliation, attendance, status, created_at FROM registrations WHERE series_id IS NOT NULL;

CREATE TABLE registrations_v4 (
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
    checked_in_at TIMESTAMP,
    series_registration_id INTEGER REFERENCES series_registrations(id)
);
INSERT INTO registrations_v4
SELECT s.id, s.meeting_id,
       CASE WHEN r.series_id IS NULL THEN r.token_hash ELSE 'seat-' || s.id END,
       r.name, r.email, r.email_normalized, r.affiliation, s.attendance, s.status,
       s.created_at, s.updated_at,
       (SELECT c.checked_in_at FROM check_ins c WHERE c.seat_id = s.id AND c.day = 0),
       CASE WHEN r.series_id IS NULL THEN NULL ELSE r.id END
FROM seats s JOIN registrations r ON r.id = s.registration_id;

DROP TABLE check_ins;
DROP TABLE seats;
DROP TABLE registrations;
ALTER TABLE registrations_v4 RENAME TO registrations;
CREATE UNIQUE INDEX registrations_one_active ON registrations (meeting_id, email_normalized) WHERE status <> 'cancelled';
CREATE INDEX registrations_seats ON registrations (meeting_id, attendance, status, id);
CREATE INDEX registrations_series ON registrations (series_registration_id);
