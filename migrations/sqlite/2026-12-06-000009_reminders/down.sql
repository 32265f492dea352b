DROP INDEX outbox_meeting_pending;
DELETE FROM outbox WHERE status = 'pending' AND kind IN ('reminders_due', 'reminder', 'minutes_due');
ALTER TABLE outbox DROP COLUMN lead_minutes;
ALTER TABLE meetings DROP COLUMN reminders;
