/**
 * Account linking's rules, kept free of JPA and HTTP so that they are tested on their own: the OAuth
 * {@code state} ({@link dev.switchboard.accounts.control.OAuthStates}: random, stored only as a SHA-256
 * hash, single use, ten minutes, bound to one provider and one user, against CSRF and login fixation)
 * and PKCE S256 ({@link dev.switchboard.accounts.control.Pkce}, RFC 7636) for the providers that support
 * it, so that an intercepted code is useless without the verifier kept on the server.
 */
package dev.switchboard.accounts.control;
