/**
 * Account linking over OAuth 2.0 authorization-code flows with GitHub (a GitHub App's user tokens),
 * GitLab, Bitbucket Cloud, Slack (OAuth v2) and Atlassian Cloud 3LO (provider id {@code jira}).
 *
 * <p>This package owns what differs between the providers, as pure functions with no HTTP: the
 * endpoints ({@link dev.switchboard.accounts.control.OAuthProvider} over
 * {@link dev.switchboard.accounts.control.OAuthEndpoints}, read from MicroProfile Config by
 * {@link dev.switchboard.accounts.control.OAuthSettings}), the authorize URL
 * ({@link dev.switchboard.accounts.control.AuthorizeRequest}), the token request
 * ({@link dev.switchboard.accounts.control.TokenRequest}), and the reading of token and identity
 * responses into one shape ({@link dev.switchboard.accounts.control.TokenResponse},
 * {@link dev.switchboard.accounts.control.ProviderIdentity},
 * {@link dev.switchboard.accounts.control.AtlassianSite}). Sending the requests, keeping the state and
 * storing the tokens encrypted: {@link dev.switchboard.accounts.control.AccountLinking} (the flow),
 * {@link dev.switchboard.accounts.control.AccessTokens} (refresh under the row lock, 401 → refresh →
 * retry, invalid_grant → NEEDS_RELINK) and {@link dev.switchboard.accounts.control.AccountUnlinking}.
 *
 * <p>The rules, free of JPA and HTTP so they are tested on their own: the OAuth
 * {@code state} ({@link dev.switchboard.accounts.control.OAuthStates}: random, stored only as a SHA-256
 * hash, single use, ten minutes, bound to one provider and one user, against CSRF and login fixation)
 * and PKCE S256 ({@link dev.switchboard.accounts.control.Pkce}, RFC 7636) for the providers that support
 * it, so that an intercepted code is useless without the verifier kept on the server.
 *
 * <p>Decisions:
 * <ul>
 * <li>PKCE (S256) is sent to GitHub (supported since July 2025) and GitLab only. Bitbucket Cloud and
 * Atlassian 3LO document none; Slack's PKCE turns the app into a public client for good. The builders
 * drop a PKCE pair for the others, so the flow may make one every time.</li>
 * <li>Client credentials go in the form body, except Bitbucket (documented as HTTP Basic) and Slack
 * (which asks for Basic in preference to form fields).</li>
 * <li>GitHub Apps and Bitbucket consumers carry their permissions on the app, so their authorize URLs
 * have no {@code scope}. Slack's scopes are comma separated, everyone else's space separated.</li>
 * <li>{@code redirect_uri} is sent on every authorize URL and again on the code exchange, as RFC 6749
 * requires once it was sent; refreshes carry none.</li>
 * <li>Token requests ask for JSON ({@code Accept: application/json}), yet GitHub's form-encoded answer
 * is read too, and GitHub's errors are recognised by their {@code error} field despite HTTP 200.</li>
 * <li>Refresh tokens rotate at GitHub, GitLab, Atlassian and Slack (with rotation): the old one stops
 * working, so callers store {@code TokenResponse.refreshTokenOr(previous)} after every refresh.</li>
 * <li>{@link dev.switchboard.accounts.control.OAuthProviderException#isInvalidGrant()} groups the codes
 * that mean "link again" under RFC 6749's and the providers' own names. Exception messages, and the
 * {@code toString} of every value holding a credential, never show a token, code, verifier or secret;
 * provider descriptions are kept, with anything that looks like a credential blanked out.</li>
 * <li>A Slack user id is only unique in its workspace, so the linked identity is
 * {@code <teamId>:<userId>}; Bitbucket's is its uuid with braces, as the API prints it.</li>
 * </ul>
 */
package dev.switchboard.accounts.control;
