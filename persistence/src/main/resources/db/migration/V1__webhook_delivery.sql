-- Portable SQL: the same script runs on PostgreSQL and on the embedded H2.
CREATE TABLE webhook_delivery (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    platform        VARCHAR(16)  NOT NULL,
    delivery_id     VARCHAR(255) NOT NULL,
    event           VARCHAR(100) NOT NULL,
    action          VARCHAR(100),
    account_id      VARCHAR(255),
    headers         TEXT         NOT NULL,
    payload         TEXT         NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    outcome         VARCHAR(2000),
    last_error      VARCHAR(2000),
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    version         INTEGER      NOT NULL,
    CONSTRAINT uq_webhook_delivery_platform_delivery UNIQUE (platform, delivery_id)
);

CREATE INDEX ix_webhook_delivery_received ON webhook_delivery (received_at DESC, id DESC);
CREATE INDEX ix_webhook_delivery_status ON webhook_delivery (status, next_attempt_at);
