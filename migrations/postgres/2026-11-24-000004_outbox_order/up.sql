-- The mail worker claims the oldest due messages first: walk an index in that order
-- instead of sorting every pending message on each claim.
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id);
