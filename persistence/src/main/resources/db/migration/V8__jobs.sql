-- Agent jobs and the posts made about them. Portable SQL: the same script runs on PostgreSQL and on H2.
-- delivery_id is UNIQUE: reprocessing a delivery (replay, redelivery after a crash) finds its job instead
-- of starting a second one.
CREATE TABLE agent_jobs (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    delivery_id     VARCHAR(36)  NOT NULL,
    platform        VARCHAR(16)  NOT NULL,
    thread_key      VARCHAR(500) NOT NULL,
    repository      VARCHAR(255),
    requester       VARCHAR(255) NOT NULL,
    user_id         VARCHAR(36),
    answer_to       TEXT         NOT NULL,
    conversation_id VARCHAR(255),
    status          VARCHAR(16)  NOT NULL,
    agent_state     VARCHAR(32),
    agent_message   TEXT,
    state_changes   INTEGER      NOT NULL,
    last_error      VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    polled_at       TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_agent_jobs_delivery UNIQUE (delivery_id),
    CONSTRAINT uq_agent_jobs_conversation UNIQUE (conversation_id)
);

CREATE INDEX ix_agent_jobs_status ON agent_jobs (status, polled_at);
CREATE INDEX ix_agent_jobs_thread ON agent_jobs (thread_key);

-- One post on a platform (a reaction, a comment), made exactly once: the row with its idempotency key is
-- committed before the platform call and marked POSTED after it. job_id is null for posts that belong to
-- no job (asking an unknown user to connect their account).
CREATE TABLE job_notices (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    job_id          VARCHAR(36),
    platform        VARCHAR(16)  NOT NULL,
    kind            VARCHAR(32)  NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    target          TEXT         NOT NULL,
    body            TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    last_error      VARCHAR(2000),
    posted_id       VARCHAR(255),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_job_notices_key UNIQUE (idempotency_key)
);

CREATE INDEX ix_job_notices_job ON job_notices (job_id);
CREATE INDEX ix_job_notices_status ON job_notices (status);
