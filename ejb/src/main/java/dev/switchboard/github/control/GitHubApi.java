package dev.switchboard.github.control;

import dev.switchboard.ratelimits.control.NonIdempotent;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * GitHub's REST API (and its GraphQL endpoint), relative to GITHUB_API_URL ({@code github.api.url}, default
 * {@code https://api.github.com}; GitHub Enterprise Server: {@code https://HOST/api/v3}). Injected clients read
 * {@code github/mp-rest/url}, which the config module's defaults set from {@code github.api.url}; Switchboard
 * builds its clients through {@code PlatformClients}.
 * <p>
 * {@code authorization} is the whole header value, {@code "Bearer <installation or user token>"}, looked up
 * in the token vault for each call. Every method returns the raw {@link Response}: the caller reads the
 * rate-limit headers ({@code x-ratelimit-*}, {@code Retry-After}) and the {@code Link} header of paginated
 * listings ({@code LinkHeader.nextPage()}), and must close it.
 */
@RegisterRestClient(configKey = "github")
@Produces("application/vnd.github+json") // the Accept header GitHub documents; answers are application/json
@Consumes(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "X-GitHub-Api-Version", value = "2022-11-28")
public interface GitHubApi {

    /** Mints an installation access token (201); {@code authorization} is {@code "Bearer <the app's JWT>"}. */
    @POST
    @Path("/app/installations/{installationId}/access_tokens")
    Response createInstallationAccessToken(@HeaderParam("Authorization") String authorization,
            @PathParam("installationId") long installationId);

    /** Repositories an installation can access; needs an installation token. */
    @GET
    @Path("/installation/repositories")
    Response installationRepositories(@HeaderParam("Authorization") String authorization,
            @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    /** Repositories of the user the (user) token belongs to. */
    @GET
    @Path("/user/repos")
    Response userRepositories(@HeaderParam("Authorization") String authorization,
            @QueryParam("affiliation") String affiliation, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page);

    /** An issue, or a pull request seen as an issue. */
    @GET
    @Path("/repos/{owner}/{repo}/issues/{number}")
    Response issue(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("number") long number);

    /** An issue's (or pull request's) conversation comments, oldest first; {@code since} is ISO 8601. */
    @GET
    @Path("/repos/{owner}/{repo}/issues/{number}/comments")
    Response issueComments(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("number") long number, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page, @QueryParam("since") String since);

    @GET
    @Path("/repos/{owner}/{repo}/pulls/{number}")
    Response pullRequest(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("number") long number);

    /** The files a pull request changes, with their patches (at most 3000 files over all pages). */
    @GET
    @Path("/repos/{owner}/{repo}/pulls/{number}/files")
    Response pullRequestFiles(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("number") long number, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page);

    /** Replies in a review comment's thread; {@code body} is {@code {"body": "..."}}. */
    @NonIdempotent
    @POST
    @Path("/repos/{owner}/{repo}/pulls/{number}/comments/{commentId}/replies")
    Response replyToReviewComment(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("number") long number,
            @PathParam("commentId") long commentId, JsonObject body);

    /** Comments on an issue or a pull request's conversation; {@code body} is {@code {"body": "..."}}. */
    @NonIdempotent
    @POST
    @Path("/repos/{owner}/{repo}/issues/{number}/comments")
    Response commentOnIssue(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("number") long number, JsonObject body);

    /** Reacts to an issue or pull request; {@code body} is {@code {"content": "eyes"}}. */
    @POST
    @Path("/repos/{owner}/{repo}/issues/{number}/reactions")
    Response reactToIssue(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("number") long number, JsonObject body);

    @POST
    @Path("/repos/{owner}/{repo}/issues/comments/{commentId}/reactions")
    Response reactToIssueComment(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("commentId") long commentId, JsonObject body);

    @POST
    @Path("/repos/{owner}/{repo}/pulls/comments/{commentId}/reactions")
    Response reactToReviewComment(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("commentId") long commentId, JsonObject body);

    /** A collaborator's permission; {@code admin}, {@code maintain} and {@code write} count as write access. */
    @GET
    @Path("/repos/{owner}/{repo}/collaborators/{username}/permission")
    Response collaboratorPermission(@HeaderParam("Authorization") String authorization,
            @PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("username") String username);

    /**
     * A file's contents at a ref (base64 in {@code content}). GitHub takes the path with its slashes as they
     * are, which is what the REST Client's path templates send.
     */
    @GET
    @Path("/repos/{owner}/{repo}/contents/{path: .+}")
    Response contents(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("path") String path, @QueryParam("ref") String ref);

    /** A commit by SHA, branch or tag ({@code sha} is the full SHA); {@code HEAD} is the default branch's head. */
    @GET
    @Path("/repos/{owner}/{repo}/commits/{ref: .+}")
    Response commit(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("ref") String ref);

    /**
     * A git tree by SHA ({@code tree[]} of {@code path}, {@code type} blob/tree, {@code sha}, {@code size}); a commit
     * SHA gives its root tree. With {@code recursive=1} the whole subtree, cut off ({@code truncated}) past 100,000
     * entries or 7 MB.
     */
    @GET
    @Path("/repos/{owner}/{repo}/git/trees/{sha}")
    Response tree(@HeaderParam("Authorization") String authorization, @PathParam("owner") String owner,
            @PathParam("repo") String repo, @PathParam("sha") String sha, @QueryParam("recursive") String recursive);

    /**
     * A GraphQL query ({@code {"query": "...", "variables": {...}}}), e.g. a repository's node id or a pull
     * request's review threads. On GitHub Enterprise Server GraphQL lives at {@code /api/graphql}, not under
     * the REST base {@code /api/v3}: call it on {@code PlatformClients.gitHubGraphql()}, which knows the base.
     */
    @POST
    @Path("/graphql")
    Response graphql(@HeaderParam("Authorization") String authorization, JsonObject query);
}
