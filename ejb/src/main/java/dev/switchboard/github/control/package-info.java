/**
 * GitHub: the typed webhook events Switchboard acts on, how they are read from stored deliveries, and
 * which of them ask the agent for a job; and the GitHub App's own credentials
 * ({@link dev.switchboard.github.control.GitHubAppJwt}, signed with the PEM key from
 * GITHUB_APP_PRIVATE_KEY), which the App needs before it can ask for installation tokens. Nimbus signs
 * the JWT and Bouncy Castle only reads the PEM, both bundled in the EAR's lib/. Outbound calls go through
 * {@link dev.switchboard.github.control.GitHubApi}.
 */
package dev.switchboard.github.control;
