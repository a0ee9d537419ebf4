package dev.switchboard.gitlab.control;

import dev.switchboard.ratelimits.control.NonIdempotent;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * GitLab's REST API v4, relative to GITLAB_URL + {@code /api/v4} ({@code gitlab.url}, default
 * {@code https://gitlab.com}). Injected clients read {@code gitlab/mp-rest/url}, which the config module's
 * defaults derive from {@code gitlab.url}; Switchboard builds its clients through {@code PlatformClients}.
 * <p>
 * {@code authorization} is {@code "Bearer <OAuth token>"} (a linked user); team mode's GITLAB_TOKEN goes in
 * {@code PRIVATE-TOKEN} instead, so both headers are parameters and the unused one is passed as null (the
 * REST Client leaves out a null header). Projects and groups are addressed by numeric id: a path such as
 * {@code group/project} would need its slash encoded, which path templates do not do. The caller reads
 * {@code X-Next-Page} ({@code GitLabPagination.nextPageOf}) and {@code RateLimit-*} from the {@link Response}, and
 * closes it.
 */
@RegisterRestClient(configKey = "gitlab")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GitLabApi {

    /** Access levels GitLab uses for {@code min_access_level}: 30 developer, 40 maintainer, 50 owner. */
    int DEVELOPER = 30;
    int MAINTAINER = 40;
    int OWNER = 50;

    /** Projects the user is a member of with at least {@code minAccessLevel}. */
    @GET
    @Path("/projects")
    Response projects(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @QueryParam("membership") Boolean membership, @QueryParam("min_access_level") Integer minAccessLevel,
            @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    @GET
    @Path("/groups")
    Response groups(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @QueryParam("min_access_level") Integer minAccessLevel, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page);

    @GET
    @Path("/projects/{id}")
    Response project(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @PathParam("id") long projectId);

    @GET
    @Path("/groups/{id}")
    Response group(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @PathParam("id") long groupId);

    /** A member's effective access level on a project, inherited memberships included. */
    @GET
    @Path("/projects/{id}/members/all/{userId}")
    Response projectMember(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("userId") long userId);

    @GET
    @Path("/groups/{id}/members/all/{userId}")
    Response groupMember(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long groupId,
            @PathParam("userId") long userId);

    @GET
    @Path("/projects/{id}/hooks")
    Response projectHooks(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    /** One hook, with {@code alert_status} ({@code executable}, {@code temporarily_disabled}, {@code disabled}). */
    @GET
    @Path("/projects/{id}/hooks/{hookId}")
    Response projectHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("hookId") long hookId);

    /**
     * Sends a test delivery of {@code trigger} (e.g. {@code push_events}): 201 when the hook's endpoint answered
     * 2xx, which also re-enables a hook GitLab had disabled; 422 with GitLab's {@code message} otherwise.
     */
    @POST
    @Path("/projects/{id}/hooks/{hookId}/test/{trigger}")
    Response testProjectHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("hookId") long hookId, @PathParam("trigger") String trigger);

    /** Installs a project hook: {@code url}, {@code token}, {@code enable_ssl_verification} and the event flags. */
    @NonIdempotent
    @POST
    @Path("/projects/{id}/hooks")
    Response createProjectHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId, JsonObject hook);

    @DELETE
    @Path("/projects/{id}/hooks/{hookId}")
    Response deleteProjectHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("hookId") long hookId);

    @GET
    @Path("/groups/{id}/hooks")
    Response groupHooks(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long groupId,
            @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    @GET
    @Path("/groups/{id}/hooks/{hookId}")
    Response groupHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long groupId,
            @PathParam("hookId") long hookId);

    @POST
    @Path("/groups/{id}/hooks/{hookId}/test/{trigger}")
    Response testGroupHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long groupId,
            @PathParam("hookId") long hookId, @PathParam("trigger") String trigger);

    @NonIdempotent
    @POST
    @Path("/groups/{id}/hooks")
    Response createGroupHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long groupId, JsonObject hook);

    @DELETE
    @Path("/groups/{id}/hooks/{hookId}")
    Response deleteGroupHook(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long groupId,
            @PathParam("hookId") long hookId);

    /** An issue: {@code title}, {@code description}, ... */
    @GET
    @Path("/projects/{id}/issues/{iid}")
    Response issue(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @PathParam("id") long projectId, @PathParam("iid") long issueIid);

    /** A merge request: {@code title}, {@code description}, {@code source_branch}, {@code source_project_id}, ... */
    @GET
    @Path("/projects/{id}/merge_requests/{iid}")
    Response mergeRequest(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long mergeRequestIid);

    /** One discussion of an issue with all its notes, oldest first ({@code individual_note} for a lone note). */
    @GET
    @Path("/projects/{id}/issues/{iid}/discussions/{discussionId}")
    Response issueDiscussion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long issueIid, @PathParam("discussionId") String discussionId);

    @GET
    @Path("/projects/{id}/merge_requests/{iid}/discussions/{discussionId}")
    Response mergeRequestDiscussion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long mergeRequestIid, @PathParam("discussionId") String discussionId);

    @GET
    @Path("/projects/{id}/issues/{iid}/discussions")
    Response issueDiscussions(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long issueIid, @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    /** Starts a discussion on an issue: {@code {"body": "..."}}. */
    @NonIdempotent
    @POST
    @Path("/projects/{id}/issues/{iid}/discussions")
    Response createIssueDiscussion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long issueIid, JsonObject body);

    /** Replies in an issue discussion: {@code {"body": "..."}}. */
    @NonIdempotent
    @POST
    @Path("/projects/{id}/issues/{iid}/discussions/{discussionId}/notes")
    Response replyToIssueDiscussion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long issueIid, @PathParam("discussionId") String discussionId, JsonObject body);

    @GET
    @Path("/projects/{id}/merge_requests/{iid}/discussions")
    Response mergeRequestDiscussions(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long mergeRequestIid, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page);

    @NonIdempotent
    @POST
    @Path("/projects/{id}/merge_requests/{iid}/discussions")
    Response createMergeRequestDiscussion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long mergeRequestIid, JsonObject body);

    @NonIdempotent
    @POST
    @Path("/projects/{id}/merge_requests/{iid}/discussions/{discussionId}/notes")
    Response replyToMergeRequestDiscussion(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long mergeRequestIid, @PathParam("discussionId") String discussionId, JsonObject body);

    @GET
    @Path("/projects/{id}/issues/{iid}/notes")
    Response issueNotes(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long issueIid, @QueryParam("sort") String sort, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page);

    /** Adds a note (a comment outside any thread) to an issue: {@code {"body": "..."}}. */
    @NonIdempotent
    @POST
    @Path("/projects/{id}/issues/{iid}/notes")
    Response createIssueNote(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long issueIid, JsonObject body);

    @GET
    @Path("/projects/{id}/merge_requests/{iid}/notes")
    Response mergeRequestNotes(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long mergeRequestIid, @QueryParam("sort") String sort,
            @QueryParam("per_page") Integer perPage, @QueryParam("page") Integer page);

    @NonIdempotent
    @POST
    @Path("/projects/{id}/merge_requests/{iid}/notes")
    Response createMergeRequestNote(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("id") long projectId,
            @PathParam("iid") long mergeRequestIid, JsonObject body);

    /**
     * A file at a ref (base64 in {@code content}). GitLab wants the file path as one URL-encoded segment
     * ({@code src%2Fmain%2FApp.java}); path templates keep slashes as they are, so the GitLab client carries
     * {@link GitLabFilePathEncoding}, which encodes them on the way out. Pass the plain path.
     */
    @GET
    @Path("/projects/{id}/repository/files/{filePath: .+}")
    Response file(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @PathParam("id") long projectId, @PathParam("filePath") String filePath, @QueryParam("ref") String ref);

    /** A project by its full path ({@code group/sub/project}); {@link GitLabFilePathEncoding} encodes the slashes. */
    @GET
    @Path("/projects/{path: .+}")
    Response projectByPath(@HeaderParam("Authorization") String authorization,
            @HeaderParam("PRIVATE-TOKEN") String privateToken, @PathParam("path") String path);

    /** A commit by SHA, branch or tag ({@code id} is the full SHA); a ref's slashes are encoded on the way out. */
    @GET
    @Path("/projects/{id}/repository/commits/{ref: .+}")
    Response commit(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @PathParam("id") long projectId, @PathParam("ref") String ref);

    /**
     * The entries ({@code name}, {@code path}, {@code type} blob/tree) below {@code path} (null: the root) at
     * {@code ref}, all levels with {@code recursive}; paginated ({@code X-Next-Page}); 404 when the path is not there.
     */
    @GET
    @Path("/projects/{id}/repository/tree")
    Response tree(@HeaderParam("Authorization") String authorization, @HeaderParam("PRIVATE-TOKEN") String privateToken,
            @PathParam("id") long projectId, @QueryParam("path") String path, @QueryParam("ref") String ref,
            @QueryParam("recursive") Boolean recursive, @QueryParam("per_page") Integer perPage,
            @QueryParam("page") Integer page);
}

