-- Users, linked accounts, OAuth states and platform installations. Token columns hold ciphertext only
-- (v1.<key id>.<base64url>): the token vault encrypts before anything reaches the database.
CREATE TABLE sb_user (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    issuer       VARCHAR(500) NOT NULL,
    subject      VARCHAR(255) NOT NULL,
    display_name VARCHAR(255),
    email        VARCHAR(320),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_sb_user_subject UNIQUE (issuer, subject)
);

CREATE TABLE linked_account (
    id                       VARCHAR(36)  NOT NULL PRIMARY KEY,
    user_id                  VARCHAR(36)  NOT NULL REFERENCES sb_user (id),
    provider                 VARCHAR(32)  NOT NULL,
    provider_user_id         VARCHAR(255) NOT NULL,
    login                    VARCHAR(255),
    display_name             VARCHAR(255),
    scopes                   VARCHAR(2000),
    access_token             TEXT,
    access_token_expires_at  TIMESTAMP WITH TIME ZONE,
    refresh_token            TEXT,
    refresh_token_expires_at TIMESTAMP WITH TIME ZONE,
    status                   VARCHAR(16)  NOT NULL,
    status_reason            VARCHAR(2000),
    linked_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    refreshed_at             TIMESTAMP WITH TIME ZONE,
    version                  INTEGER      NOT NULL,
    CONSTRAINT uq_linked_account_user_provider UNIQUE (user_id, provider),
    CONSTRAINT uq_linked_account_provider_user UNIQUE (provider, provider_user_id)
);

CREATE TABLE oauth_state (
    state_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    provider      VARCHAR(32)  NOT NULL,
    user_id       VARCHAR(36)  NOT NULL REFERENCES sb_user (id),
    browser_hash  VARCHAR(64)  NOT NULL,
    code_verifier TEXT,
    redirect_to   VARCHAR(2000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at       TIMESTAMP WITH TIME ZONE
);

CREATE INDEX ix_oauth_state_expires ON oauth_state (expires_at);

CREATE TABLE slack_installation (
    team_id       VARCHAR(32)  NOT NULL PRIMARY KEY,
    team_name     VARCHAR(255),
    enterprise_id VARCHAR(32),
    bot_user_id   VARCHAR(32),
    bot_token     TEXT,
    bot_scopes    VARCHAR(2000),
    installed_by  VARCHAR(36),
    installed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE
);

CREATE TABLE github_installation (
    installation_id         BIGINT       NOT NULL PRIMARY KEY,
    account_login           VARCHAR(255),
    account_type            VARCHAR(32),
    repository_selection    VARCHAR(16),
    access_token            TEXT,
    access_token_expires_at TIMESTAMP WITH TIME ZONE,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE jira_workspace (
    id                    VARCHAR(36)  NOT NULL PRIMARY KEY,
    site_url              VARCHAR(500) NOT NULL,
    cloud_id              VARCHAR(64),
    webhook_secret        TEXT,
    service_account_email VARCHAR(320),
    service_account_token TEXT,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uq_jira_workspace_site UNIQUE (site_url)
);
