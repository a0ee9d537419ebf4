-- Sends whose answer a crash can lose. A conversation start and a notice post are marked as sent (committed)
-- before the request goes out; a later attempt that finds the mark without a result knows the first one may
-- have reached the other side: a start is then not repeated (the agent server has no idempotency key), and a
-- notice is first looked for on the platform (its marker) before it is posted again.
ALTER TABLE agent_jobs ADD COLUMN start_sent_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE job_notices ADD COLUMN sending_since TIMESTAMP WITH TIME ZONE;
