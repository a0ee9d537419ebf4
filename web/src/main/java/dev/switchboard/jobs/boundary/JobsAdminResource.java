package dev.switchboard.jobs.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.jobs.control.AgentServer;
import dev.switchboard.jobs.control.JobRecords;
import dev.switchboard.jobs.control.NoticeTally;
import dev.switchboard.jobs.control.Notices;
import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.jobs.entity.NoticeStatus;
import dev.switchboard.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators see the jobs, where they were asked and what was posted about them, and give a post that kept
 * failing (a DEAD notice) a second chance once the platform is fixed. What was posted is shown; tokens never.
 */
@Path("admin/jobs")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobsAdminResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @Inject
    JobRecords jobs;

    @Inject
    Notices notices;

    @Inject
    NoticeTally tally;

    @GET
    public Response list(@QueryParam("limit") String limit) {
        int n;
        try {
            n = limit == null || limit.isBlank() ? DEFAULT_LIMIT : Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "limit must be a number from 1 to " + MAX_LIMIT);
        }
        if (n < 1 || n > MAX_LIMIT) {
            return ErrorBody.response(Response.Status.BAD_REQUEST, "limit must be a number from 1 to " + MAX_LIMIT);
        }
        List<AgentJob> page = jobs.recent(n);
        Map<String, Map<NoticeStatus, Long>> posts = tally.byJob(page.stream().map(AgentJob::getId).toList());
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        for (AgentJob job : page) {
            JsonObjectBuilder counts = Jsons.createObjectBuilder();
            posts.getOrDefault(job.getId(), Map.of()).forEach((status, count) -> counts.add(status.name(), count));
            items.add(job(job).add("noticeCounts", counts));
        }
        return Response.ok(Jsons.createObjectBuilder().add("items", items).build().toString()).build();
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id) {
        return jobs.find(id).map(job -> {
            JsonArrayBuilder posts = Jsons.createArrayBuilder();
            notices.ofJob(id).forEach(notice -> posts.add(notice(notice)));
            return Response.ok(job(job).add("notices", posts).build().toString()).build();
        }).orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "no job " + id));
    }

    /** 200 with the notice as it stands after the attempt; 409 for a notice that is not DEAD. */
    @POST
    @Path("notices/{id}/replay")
    public Response replayNotice(@PathParam("id") String id) {
        Optional<JobNotice> before = notices.find(id);
        if (before.isEmpty()) {
            return ErrorBody.response(Response.Status.NOT_FOUND, "no notice " + id);
        }
        if (before.get().getStatus() != NoticeStatus.DEAD) {
            return ErrorBody.response(Response.Status.CONFLICT, "notice " + id + " is " + before.get().getStatus()
                    + ", only a DEAD notice is replayed");
        }
        return notices.replayDead(id).map(notice -> Response.ok(notice(notice).build().toString()).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "no notice " + id));
    }

    private static JsonObjectBuilder job(AgentJob job) {
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("id", job.getId())
                .add("platform", job.getPlatform().id()).add("status", job.getStatus().name())
                .add("requester", job.getRequester()).add("createdAt", job.getCreatedAt().toString())
                .add("updatedAt", job.getUpdatedAt().toString()).add("deliveryId", job.getDeliveryId());
        optional(json, "repository", job.getRepository());
        optional(json, "agentState", job.getAgentState());
        optional(json, "lastError", job.getLastError());
        if (job.getConversationId() != null) {
            json.add("conversationId", job.getConversationId())
                    .add("conversationUrl", AgentServer.conversationLink(job.getConversationId()));
        }
        return json;
    }

    private static JsonObjectBuilder notice(JobNotice notice) {
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("id", notice.getId()).add("kind", notice.getKind())
                .add("key", notice.getIdempotencyKey()).add("status", notice.getStatus().name())
                .add("attempts", notice.getAttempts()).add("updatedAt", timestamp(notice.getUpdatedAt()));
        optional(json, "lastError", notice.getLastError());
        optional(json, "postedId", notice.getPostedId());
        return json;
    }

    private static String timestamp(Instant at) {
        return at == null ? "" : at.toString();
    }

    private static void optional(JsonObjectBuilder json, String name, String value) {
        if (value != null) {
            json.add(name, value);
        }
    }
}
