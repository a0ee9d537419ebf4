package dev.switchboard.jira.control;

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
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Jira's REST API, relative to a site's base: Cloud through the API gateway
 * ({@code JIRA_URL/ex/jira/{cloudId}}) or a Data Center site's own URL. A REST Client's base is fixed when
 * it is built, so one client per base comes from {@link JiraClients}; the {@code jira} config key is there
 * for completeness and names no URL.
 * <p>
 * {@code authorization} is {@code "Bearer <OAuth token>"} or, for team mode's service account,
 * {@code "Basic base64(email:api token)"}. API v2 takes comment bodies in wiki markup
 * ({@code JiraMarkdown.toWiki}); v3, Cloud only, takes Atlassian Document Format ({@code JiraMarkdown.toAdf}).
 */
@RegisterRestClient(configKey = "jira")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface JiraApi {

    @GET
    @Path("/rest/api/2/issue/{key}")
    Response issue(@HeaderParam("Authorization") String authorization, @PathParam("key") String issueKey,
            @QueryParam("fields") String fields);

    /** An issue's comments, in pages of {@code maxResults} from {@code startAt}, bodies in wiki markup. */
    @GET
    @Path("/rest/api/2/issue/{key}/comment")
    Response comments(@HeaderParam("Authorization") String authorization, @PathParam("key") String issueKey,
            @QueryParam("startAt") Integer startAt, @QueryParam("maxResults") Integer maxResults,
            @QueryParam("orderBy") String orderBy);

    /**
     * The newest comments first ({@code orderBy=-created}) with their entity properties ({@code expand=properties}),
     * where a notice's {@code switchboard.notice} property is found.
     */
    @GET
    @Path("/rest/api/2/issue/{key}/comment")
    Response commentsWithProperties(@HeaderParam("Authorization") String authorization,
            @PathParam("key") String issueKey, @QueryParam("startAt") Integer startAt,
            @QueryParam("maxResults") Integer maxResults, @QueryParam("orderBy") String orderBy,
            @QueryParam("expand") String expand);

    /** Adds a comment in wiki markup: {@code {"body": "h2. Done\n* item"}}. */
    @NonIdempotent
    @POST
    @Path("/rest/api/2/issue/{key}/comment")
    Response addComment(@HeaderParam("Authorization") String authorization, @PathParam("key") String issueKey,
            JsonObject comment);

    /** Adds a comment in Atlassian Document Format: {@code {"body": {"version": 1, "type": "doc", ...}}}. */
    @NonIdempotent
    @POST
    @Path("/rest/api/3/issue/{key}/comment")
    Response addAdfComment(@HeaderParam("Authorization") String authorization, @PathParam("key") String issueKey,
            JsonObject comment);

    /** The account the credentials belong to: whose comments Switchboard must never answer. */
    @GET
    @Path("/rest/api/2/myself")
    Response myself(@HeaderParam("Authorization") String authorization);
}
