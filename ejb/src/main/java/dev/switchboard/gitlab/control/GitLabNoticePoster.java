package dev.switchboard.gitlab.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.jobs.control.NoticeMarker;
import dev.switchboard.jobs.control.NoticePoster;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.jobs.entity.NoticeStatus;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
 * {@link GitLabOwnNotes}' mark, so Switchboard never answers itself, and the notice's own {@link NoticeMarker}, by
 * which a post whose outcome was lost is looked for ({@link #findPosted}) before it is made again.
 */
@ApplicationScoped
public class GitLabNoticePoster implements NoticePoster {

    public static final String REPLY = "reply";

    private static final int PAGE = 100;
    /** A page number GitLab serves at all: a header saying more is not believed. */
    private static final int MAX_PAGE = 10_000;

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
        JsonObject body = Jsons.createObjectBuilder().add("body", GitLabOwnNotes.mark(NoticeMarker.markdown(notice)))
                .build();
        GitLabApi gitlab = clients.gitLab();
        String a = auth.authorization();
        String p = auth.privateToken();
        boolean issue = to.noteable() == Noteable.ISSUE;
        String discussion = discussionOf(to, notice);
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

    /**
     * A reply is looked for in its discussion; a discussion of its own among the newest discussions (GitLab lists them
     * oldest first, so on the last page). Either way by the notice's marker, and the discussion's id is answered.
     */
    @Override
    public Optional<String> findPosted(JobNotice notice) {
        GitLabTarget to = GitLabTarget.from(notice.getTarget());
        GitLabAuth auth = credentials.of(to.actingUserId());
        GitLabApi gitlab = clients.gitLab();
        boolean issue = to.noteable() == Noteable.ISSUE;
        String a = auth.authorization();
        String p = auth.privateToken();
        String discussion = discussionOf(to, notice);
        if (discussion != null) {
            try (Response r = issue ? gitlab.issueDiscussion(a, p, to.projectId(), to.iid(), discussion)
                    : gitlab.mergeRequestDiscussion(a, p, to.projectId(), to.iid(), discussion)) {
                check(r, "discussion of " + to.ref());
                return carries(r.readEntity(JsonObject.class), notice) ? Optional.of(discussion) : Optional.empty();
            }
        }
        int last = 1;
        for (int page = 1; page <= last; page = page == 1 ? Math.max(last, 2) : last + 1) {
            try (Response r = issue ? gitlab.issueDiscussions(a, p, to.projectId(), to.iid(), PAGE, page)
                    : gitlab.mergeRequestDiscussions(a, p, to.projectId(), to.iid(), PAGE, page)) {
                check(r, "discussions of " + to.ref());
                last = totalPages(r);
                for (JsonValue d : r.readEntity(JsonArray.class)) {
                    if (carries(d.asJsonObject(), notice)) {
                        return Optional.ofNullable(d.asJsonObject().getString("id", null));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean carries(JsonObject discussion, JobNotice notice) {
        JsonArray notes = discussion.getJsonArray("notes");
        return notes != null && notes.stream().filter(n -> n.getValueType() == JsonValue.ValueType.OBJECT)
                .anyMatch(n -> NoticeMarker.carries(n.asJsonObject().getString("body", null), notice));
    }

    /** GitLab's {@code X-Total-Pages}; absent (over 10,000 items) or unreadable, only the first page is read. */
    private static int totalPages(Response response) {
        try {
            String total = response.getHeaderString("X-Total-Pages");
            return total == null ? 1 : Math.max(1, Math.min(Integer.parseInt(total.strip()), MAX_PAGE));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The discussion the notice goes to; null when it opens one of its own. */
    private String discussionOf(GitLabTarget to, JobNotice notice) {
        return to.discussionId() != null ? to.discussionId() : openedForJob(notice).orElse(null);
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
