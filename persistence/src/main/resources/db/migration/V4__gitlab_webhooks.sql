-- GitLab hooks Switchboard installed on projects and groups, each with its own secret token (encrypted).
CREATE TABLE gitlab_webhooks (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    resource_type   VARCHAR(16)  NOT NULL,
    resource_id     BIGINT       NOT NULL,
    resource_path   VARCHAR(500),
    user_id         VARCHAR(36)  NOT NULL,
    hook_id         BIGINT,
    secret          TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    status_reason   VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_checked_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT uq_gitlab_webhooks_resource UNIQUE (resource_type, resource_id)
);

CREATE INDEX ix_gitlab_webhooks_user ON gitlab_webhooks (user_id);
