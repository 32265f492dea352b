-- Reminders and other mail that is due later (issue #13).
-- reminders: lead times in minutes before the start, as a JSON list ([] for none).
ALTER TABLE meetings ADD COLUMN reminders TEXT NOT NULL DEFAULT '[1440]';
-- lead_minutes: on a scheduled reminder, which lead time it is for. Mail that is written
-- when it is sent (reminders, minutes due) waits in the outbox with an empty body and a
-- due time (next_attempt_at), and is claimed with the same lease as any other message.
ALTER TABLE outbox ADD COLUMN lead_minutes INTEGER;
-- Finds a meeting's scheduled mail when the meeting moves or is cancelled.
CREATE INDEX outbox_meeting_pending ON outbox (meeting_id) WHERE status = 'pending';
