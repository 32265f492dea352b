-- Index entries only where a lookup needs them, so that a registration writes fewer pages:
-- a registration for one meeting (series_id NULL) has no entry in the series index and one
-- for a series none in the meeting index (NULLs never collide in a unique index anyway), and
-- only pending registrations are in the index that finds them to expire or count them.
DROP INDEX registrations_one_per_meeting;
CREATE UNIQUE INDEX registrations_one_per_meeting ON registrations (meeting_id, email_normalized)
    WHERE status <> 'cancelled' AND meeting_id IS NOT NULL;
DROP INDEX registrations_one_per_series;
CREATE UNIQUE INDEX registrations_one_per_series ON registrations (series_id, email_normalized)
    WHERE status <> 'cancelled' AND series_id IS NOT NULL;
DROP INDEX registrations_pending;
CREATE INDEX registrations_pending ON registrations (created_at) WHERE status = 'pending';
