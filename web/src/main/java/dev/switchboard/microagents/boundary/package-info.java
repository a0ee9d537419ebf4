/**
 * The microagents API: a repository's agents and what a message would include, read with the signed-in user's
 * linked GitHub or GitLab account ({@code RepositoryCredentials}).
 */
package dev.switchboard.microagents.boundary;
