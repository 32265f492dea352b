-- Personal data at rest in the outbox (issue #11).
-- registration_id: whom a message is for, so that removing a person's data reaches their
-- mail, and unsent mail can go with a registration that expires. No foreign key: a
-- registration may be deleted while the metadata of mail sent to it stays, and ids are
-- never reused (BIGSERIAL), so a stale id never names someone else.
ALTER TABLE outbox ADD COLUMN registration_id BIGINT;
-- failed_at: when a message failed for good; its content is kept for staff to retry for
-- 30 days after that.
ALTER TABLE outbox ADD COLUMN failed_at TIMESTAMP;
-- scrubbed_at: when the content (address, subject, bodies, calendar text) was removed;
-- only metadata remains (kind, status, times, attempts, Message-ID, meeting).
ALTER TABLE outbox ADD COLUMN scrubbed_at TIMESTAMP;
CREATE INDEX outbox_registration ON outbox (registration_id);

-- Mail sent before this release keeps nothing but its metadata either.
UPDATE outbox SET recipient = '', subject = '', body_text = '', body_html = '', ics = NULL,
    last_error = NULL, scrubbed_at = COALESCE(sent_at, created_at)
WHERE status = 'sent';
-- Failed before this release: the last attempt's time is the best estimate of the failure.
UPDATE outbox SET failed_at = next_attempt_at WHERE status = 'failed';
