package dev.switchboard.accounts.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.accounts.entity.LinkedAccount;
import dev.switchboard.json.Jsons;
import jakarta.json.JsonObjectBuilder;

/** A linked account as the API shows it. Token columns are deliberately never read here. */
final class AccountJson {

    private AccountJson() {
    }

    static JsonObjectBuilder of(LinkedAccount account) {
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("provider", account.getProvider())
                .add("providerUserId", account.getProviderUserId())
                .add("status", account.getStatus().name())
                .add("linkedAt", account.getLinkedAt().toString());
        nullable(json, "login", account.getLogin());
        nullable(json, "name", account.getDisplayName());
        nullable(json, "scopes", account.getScopes());
        nullable(json, "statusReason", account.getStatusReason());
        nullable(json, "accessTokenExpiresAt", account.getAccessTokenExpiresAt());
        nullable(json, "refreshTokenExpiresAt", account.getRefreshTokenExpiresAt());
        nullable(json, "refreshedAt", account.getRefreshedAt());
        return json;
    }
}
