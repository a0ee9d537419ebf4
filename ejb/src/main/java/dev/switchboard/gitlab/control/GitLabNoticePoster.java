package dev.switchboard.gitlab.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.jobs.control.NoticePoster;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.jobs.entity.NoticeStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * Posts GitLab notices as replies in the discussion where the job was asked
 * ({@code POST /projects/:id/issues/:iid/discussions/:discussion_id/notes}, or the merge request's), with the
 * target's acting credential ({@link GitLabCredentials}), through the governed client. A job asked outside any
 * discussion (a label) gets a discussion of its own: the acknowledgement opens it and every later post of the job
 * replies there. A GitLab notice's posted id is therefore the id of the discussion it went to. Each body carries
 * {@link GitLabOwnNotes}' mark, so Switchboard never answers itself.
 */
@ApplicationScoped
public class GitLabNoticePoster implements NoticePoster {

    public static final String REPLY = "reply";

    @PersistenceContext(unitName = "switchboard")
    EntityManager em;

    @Inject
    PlatformClients clients;

    @Inject
    GitLabCredentials credentials;

    @Override
    public Platform platform() {
        return Platform.GITLAB;
    }

    @Override
    public String post(JobNotice notice) {
        if (!REPLY.equals(notice.getKind())) {
            throw new IllegalArgumentException("unknown GitLab notice kind " + notice.getKind());
        }
        GitLabTarget to = GitLabTarget.from(notice.getTarget());
        GitLabAuth auth = credentials.of(to.actingUserId());
        JsonObject body = Json.createObjectBuilder().add("body", GitLabOwnNotes.mark(notice.getBody())).build();
        GitLabApi gitlab = clients.gitLab();
        String a = auth.authorization();
        String p = auth.privateToken();
        boolean issue = to.noteable() == Noteable.ISSUE;
        String discussion = to.discussionId() != null ? to.discussionId() : openedForJob(notice).orElse(null);
        if (discussion != null) {
            String into = discussion;
            try (Response r = issue
                    ? gitlab.replyToIssueDiscussion(a, p, to.projectId(), to.iid(), into, body)
                    : gitlab.replyToMergeRequestDiscussion(a, p, to.projectId(), to.iid(), into, body)) {
                check(r, "reply on " + to.ref());
            }
            return discussion;
        }
        try (Response r = issue ? gitlab.createIssueDiscussion(a, p, to.projectId(), to.iid(), body)
                : gitlab.createMergeRequestDiscussion(a, p, to.projectId(), to.iid(), body)) {
            check(r, "discussion on " + to.ref());
            return r.readEntity(JsonObject.class).getString("id", null);
        }
    }

    /** The discussion the job's acknowledgement opened, for the job's later posts. */
    private Optional<String> openedForJob(JobNotice notice) {
        if (notice.getJobId() == null) {
            return Optional.empty();
        }
        String ack = GitLabJobs.ackKey(notice.getJobId());
        if (ack.equals(notice.getIdempotencyKey())) {
            return Optional.empty();
        }
        return em.createNamedQuery(JobNotice.BY_KEY, JobNotice.class).setParameter("key", ack).getResultStream()
                .filter(n -> n.getStatus() == NoticeStatus.POSTED && n.getPostedId() != null)
                .map(JobNotice::getPostedId).findFirst();
    }

    private static void check(Response response, String what) {
        if (response.getStatus() / 100 != 2) {
            throw new IllegalStateException("gitlab refused the " + what + " (HTTP " + response.getStatus() + ")");
        }
    }
}
