/**
 * What the platform REST clients share: where each platform lives ({@link dev.switchboard.clients.control.ClientBaseUrls},
 * read from the contract's names such as GITHUB_API_URL, so operators never need the REST Client's own
 * {@code github/mp-rest/url} keys), how long a call may take, the CDI bean that builds the clients
 * ({@link dev.switchboard.clients.control.PlatformClients}), and pagination that does not depend on a platform:
 * RFC 8288 {@code Link} headers and the capped {@link dev.switchboard.clients.control.Pages} iterator.
 * The clients return {@code jakarta.ws.rs.core.Response} so that callers see status, rate-limit headers and
 * pagination headers; tokens are passed per call, never kept in a client.
 */
package dev.switchboard.clients.control;
