-- One registration table for every kind of meeting (see the SQLite migration of the same name).
CREATE TABLE registrations_v5 (
    id BIGSERIAL PRIMARY KEY,
    meeting_id BIGINT REFERENCES meetings(id),
    series_id BIGINT REFERENCES series(id),
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    email_normalized TEXT NOT NULL,
    affiliation TEXT,
    attendance TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL,
    CHECK ((meeting_id IS NULL) <> (series_id IS NULL))
);

CREATE TABLE seats (
    id BIGSERIAL PRIMARY KEY,
    registration_id BIGINT NOT NULL REFERENCES registrations_v5(id),
    meeting_id BIGINT NOT NULL REFERENCES meetings(id),
    attendance TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE check_ins (
    seat_id BIGINT NOT NULL REFERENCES seats(id),
    day INTEGER NOT NULL,
    checked_in_at TIMESTAMP NOT NULL,
    PRIMARY KEY (seat_id, day)
);

-- A series seat whose personal data staff removed (the previous release erased that row
-- only: name '(removed)', address 'removed-{id}@invalid') becomes an anonymous cancelled
-- registration of its meeting, as an erased meeting registration is: attached to the series
-- registration, it would show the person's data again.
INSERT INTO registrations_v5 (id, meeting_id, series_id, token_hash, name, email, email_normalized,
                              affiliation, attendance, status, created_at, updated_at)
SELECT id, meeting_id, NULL, token_hash, name, email, email_normalized, affiliation, attendance,
       CASE status WHEN 'cancelled' THEN 'cancelled' ELSE 'active' END, created_at, updated_at
FROM registrations
WHERE series_registration_id IS NULL OR email_normalized = 'removed-' || id || '@invalid';

INSERT INTO registrations_v5 (id, meeting_id, series_id, token_hash, name, email, email_normalized,
                              affiliation, attendance, status, created_at, updated_at)
SELECT sr.id + (SELECT COALESCE(MAX(id), 0) FROM registrations), NULL, sr.series_id, sr.token_hash,
       sr.name, sr.email, sr.email_normalized, sr.affiliation, sr.attendance,
       CASE sr.status WHEN 'cancelled' THEN 'cancelled' ELSE 'active' END, sr.created_at, sr.created_at
FROM series_registrations sr;

INSERT INTO seats (id, registration_id, meeting_id, attendance, status, created_at, updated_at)
SELECT r.id,
       CASE WHEN r.series_registration_id IS NULL
                 OR r.email_normalized = 'removed-' || r.id || '@invalid' THEN r.id
            ELSE r.series_registration_id + (SELECT COALESCE(MAX(id), 0) FROM registrations) END,
       r.meeting_id, r.attendance, r.status, r.created_at, r.updated_at
FROM registrations r;

INSERT INTO check_ins (seat_id, day, checked_in_at)
SELECT id, 0, checked_in_at FROM registrations WHERE checked_in_at IS NOT NULL;

DROP TABLE registrations;
DROP TABLE series_registrations;
ALTER TABLE registrations_v5 RENAME TO registrations;
ALTER SEQUENCE registrations_v5_id_seq RENAME TO registrations_id_seq;
SELECT setval('registrations_id_seq', GREATEST((SELECT MAX(id) FROM registrations), 1));
SELECT setval('seats_id_seq', GREATEST((SELECT MAX(id) FROM seats), 1));

CREATE UNIQUE INDEX registrations_one_per_meeting ON registrations (meeting_id, email_normalized) WHERE status <> 'cancelled';
CREATE UNIQUE INDEX registrations_one_per_series ON registrations (series_id, email_normalized) WHERE status <> 'cancelled';
CREATE UNIQUE INDEX seats_one_per_meeting ON seats (registration_id, meeting_id);
CREATE INDEX seats_count ON seats (meeting_id, attendance, status, id);

ALTER TABLE meetings ADD COLUMN days TEXT;
