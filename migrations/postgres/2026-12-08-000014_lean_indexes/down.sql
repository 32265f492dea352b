DROP INDEX registrations_one_per_meeting;
CREATE UNIQUE INDEX registrations_one_per_meeting ON registrations (meeting_id, email_normalized) WHERE status <> 'cancelled';
DROP INDEX registrations_one_per_series;
CREATE UNIQUE INDEX registrations_one_per_series ON registrations (series_id, email_normalized) WHERE status <> 'cancelled';
DROP INDEX registrations_pending;
CREATE INDEX registrations_pending ON registrations (status, created_at);
