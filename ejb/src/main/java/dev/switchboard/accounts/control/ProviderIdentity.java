package dev.switchboard.accounts.control;

import java.util.Objects;

/**
 * Who a token belongs to at the provider: the key a linked account is stored under.
 *
 * <p>Parsers take the body of a successful (2xx) identity response; the caller deals with the status.
 *
 * @param userId the provider's stable id, as a string: GitHub's and GitLab's numbers, Bitbucket's uuid
 *     with its braces, Atlassian's account id, Slack's {@code <teamId>:<userId>} (a Slack user id is
 *     only unique within its workspace)
 * @param login the user name, which a user can change; null for Slack, whose token response names none
 * @param displayName null when the user set none
 * @param email null unless the provider shows it (Bitbucket never does on {@code /2.0/user})
 */
public record ProviderIdentity(OAuthProvider provider, String userId, String login, String displayName,
        String email) {

    public ProviderIdentity {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(userId, "userId");
    }

    /** The identity response of GitHub, GitLab, Bitbucket or Atlassian; Slack has its own, below. */
    public static ProviderIdentity parse(OAuthProvider provider, String body) throws OAuthProviderException {
        return switch (provider) {
            case GITHUB -> github(body);
            case GITLAB -> gitlab(body);
            case BITBUCKET -> bitbucket(body);
            case JIRA -> atlassian(body);
            case SLACK -> throw new IllegalArgumentException("Slack's identity comes from the token response");
        };
    }

    /** {@code GET /user}: {@code name} and {@code email} are null unless the user made them public. */
    public static ProviderIdentity github(String body) throws OAuthProviderException {
        ResponseFields user = ResponseFields.json(OAuthProvider.GITHUB, 200, body);
        return new ProviderIdentity(OAuthProvider.GITHUB, user.id("id"), user.string("login"), optional(user, "name"),
                optional(user, "email"));
    }

    /** {@code GET /api/v4/user}. */
    public static ProviderIdentity gitlab(String body) throws OAuthProviderException {
        ResponseFields user = ResponseFields.json(OAuthProvider.GITLAB, 200, body);
        return new ProviderIdentity(OAuthProvider.GITLAB, user.id("id"), user.string("username"),
                optional(user, "name"), optional(user, "email"));
    }

    /**
     * {@code GET /2.0/user}. The uuid is the stable key; Bitbucket's privacy changes dropped
     * {@code username} from some responses, so {@code nickname} stands in when it is missing.
     */
    public static ProviderIdentity bitbucket(String body) throws OAuthProviderException {
        ResponseFields user = ResponseFields.json(OAuthProvider.BITBUCKET, 200, body);
        String login = user.optionalString("username").filter(s -> !s.isBlank())
                .orElse(optional(user, "nickname"));
        return new ProviderIdentity(OAuthProvider.BITBUCKET, user.string("uuid"), login, optional(user, "display_name"),
                null);
    }

    /** Atlassian's {@code GET /me} (needs the {@code read:me} scope). */
    public static ProviderIdentity atlassian(String body) throws OAuthProviderException {
        ResponseFields me = ResponseFields.json(OAuthProvider.JIRA, 200, body);
        return new ProviderIdentity(OAuthProvider.JIRA, me.string("account_id"), optional(me, "nickname"),
                optional(me, "name"), optional(me, "email"));
    }

    /** Slack names the authorizing user in the {@code oauth.v2.access} answer to the code exchange. */
    public static ProviderIdentity slack(TokenResponse token) throws OAuthProviderException {
        SlackInstallation slack = token.slack();
        if (slack == null || slack.teamId() == null || slack.authedUser() == null) {
            throw OAuthProviderException.malformed(OAuthProvider.SLACK, 200,
                    "the token response names no team and authorizing user");
        }
        return new ProviderIdentity(OAuthProvider.SLACK, slack.teamId() + ":" + slack.authedUser().id(), null, null,
                null);
    }

    private static String optional(ResponseFields fields, String name) throws OAuthProviderException {
        return fields.optionalString(name).filter(s -> !s.isBlank()).orElse(null);
    }
}
