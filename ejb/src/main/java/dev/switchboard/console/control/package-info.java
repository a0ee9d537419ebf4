/**
 * What the admin console needs from the server beyond the JSON API: how a browser signs in.
 *
 * <p>Production sign-in is the OpenID Connect provider's (Keycloak: authorization code with PKCE, from the
 * browser, as the public client {@code switchboard-console}); the server only tells the console where it is.
 * The embedded default has no provider, only the dev issuer whose key pair {@code ./run.sh} generates, so
 * {@link dev.switchboard.console.control.DevSignIn} mints short-lived tokens with that key. It is off unless
 * {@code console.dev.signin.key} names the key file (only {@code run.sh}'s and the tests' provisioning set it)
 * and the server verifies tokens of the dev issuer: a server that trusts Keycloak never mints anything.
 */
package dev.switchboard.console.control;
