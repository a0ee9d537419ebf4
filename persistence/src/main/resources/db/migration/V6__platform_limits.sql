-- Rate limits in force at a platform, as the last response stated them, so every node holds back
-- until the reset instead of each finding out with a refused call. scope_key is '*' for a limit on all of
-- Switchboard's calls, else a hash of the token the limit applies to (never the token itself).
CREATE TABLE platform_limits (
    id         VARCHAR(120) NOT NULL PRIMARY KEY,
    platform   VARCHAR(16)  NOT NULL,
    scope_key  VARCHAR(80)  NOT NULL,
    until_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason     VARCHAR(500) NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ix_platform_limits_until ON platform_limits (until_at);
