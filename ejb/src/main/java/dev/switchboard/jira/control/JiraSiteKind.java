package dev.switchboard.jira.control;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * How Switchboard reaches a Jira site with its service account. Cloud goes through Atlassian's API gateway
 * ({@code JIRA_URL/ex/jira/{cloudId}}, the base the contract fixes for team mode) with Basic
 * {@code email:api token}: the gateway is where Atlassian accepts API tokens with scopes, the only kind its
 * service accounts get (the site URL refuses them; Atlassian documents classic, unscoped tokens for the site
 * URL only, so those are not what a workspace's service account should hold). Data Center has no gateway and
 * no email login for tokens: a personal access token goes as {@code Bearer} to the site's own base URL.
 */
public enum JiraSiteKind {

    CLOUD("cloud"),
    DATA_CENTER("datacenter");

    private final String id;

    JiraSiteKind(String id) {
        this.id = id;
    }

    /** A workspace with a cloud id is Cloud (every site linked through OAuth has one); without, Data Center. */
    public static JiraSiteKind of(String cloudId) {
        return cloudId == null || cloudId.isBlank() ? DATA_CENTER : CLOUD;
    }

    /** The name in the API: {@code cloud} or {@code datacenter}. */
    public String id() {
        return id;
    }

    /** Whether a token alone is not enough: Cloud's Basic auth needs the account's email too. */
    public boolean needsEmail() {
        return this == CLOUD;
    }

    /** The {@code Authorization} header value for the service account. */
    public String authorization(String email, String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("no service-account token");
        }
        if (this == DATA_CENTER) {
            return "Bearer " + token;
        }
        if (email == null || email.isEmpty()) {
            throw new IllegalArgumentException("Jira Cloud's Basic auth needs the service account's email");
        }
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
    }
}
