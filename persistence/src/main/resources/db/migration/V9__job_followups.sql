-- Follow-ups: a later message by a job's requester in the job's thread, passed to the job's conversation instead
-- of starting a new one. delivery_id is UNIQUE and the row is committed before the agent server is called, so a
-- replayed delivery finds it SENT and sends nothing twice.
CREATE TABLE job_followups (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    delivery_id     VARCHAR(36)  NOT NULL,
    job_id          VARCHAR(36)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_job_followups_delivery UNIQUE (delivery_id)
);

CREATE INDEX ix_job_followups_job ON job_followups (job_id);
CREATE INDEX ix_agent_jobs_thread_requester ON agent_jobs (thread_key, requester);
