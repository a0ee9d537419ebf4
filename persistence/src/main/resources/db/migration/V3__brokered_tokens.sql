-- Where a linked account's tokens come from: the provider's own OAuth flow, or Keycloak's identity
-- broker (then refresh_token holds the user's Keycloak offline token).
ALTER TABLE linked_account ADD COLUMN token_source VARCHAR(16) DEFAULT 'PROVIDER' NOT NULL;
