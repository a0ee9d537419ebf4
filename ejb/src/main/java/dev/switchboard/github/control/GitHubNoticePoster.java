package dev.switchboard.github.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.control.NoticeMarker;
import dev.switchboard.jobs.control.NoticePoster;
import dev.switchboard.jobs.entity.JobNotice;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Posts GitHub notices with the installation's token through the governed client (retries, rate limits and
 * breaker are its business): a {@code reaction} on the comment that asked (an issue or pull request conversation
 * comment, or an inline review comment), else on the issue or pull request itself (a label, a new issue, a
 * review's body: GitHub has no reactions on reviews); a {@code comment} in the conversation, or, when an inline
 * comment asked, a reply in its review thread (under the thread's first comment, as GitHub requires). Comments
 * carry the notice's marker; after an attempt with an unknown outcome a conversation comment is looked for among the
 * issue's recently updated comments. Reactions need no looking: GitHub answers a repeated reaction with the existing
 * one. Review-comment replies are not looked for (at least once).
 */
@ApplicationScoped
public class GitHubNoticePoster implements NoticePoster {

    public static final String REACTION = "reaction";
    public static final String COMMENT = "comment";

    /** Comments updated since shortly before the notice was stored; GitHub's largest page holds them. */
    private static final Duration LOOK_BACK = Duration.ofMinutes(1);
    private static final int RECENT_COMMENTS = 100;

    @Inject
    PlatformClients clients;

    @Inject
    GitHubAppTokens tokens;

    @Override
    public Platform platform() {
        return Platform.GITHUB;
    }

    @Override
    public String post(JobNotice notice) {
        GitHubTarget to = GitHubTarget.from(notice.getTarget());
        String authorization = "Bearer " + tokens.installationToken(to.installationId());
        GitHubApi github = clients.gitHub();
        if (REACTION.equals(notice.getKind())) {
            JsonObject content = Jsons.createObjectBuilder().add("content", notice.getBody()).build();
            try (Response r = to.commentId() == null
                    ? github.reactToIssue(authorization, to.owner(), to.repo(), to.number(), content)
                    : to.reviewComment()
                    ? github.reactToReviewComment(authorization, to.owner(), to.repo(), to.commentId(), content)
                    : github.reactToIssueComment(authorization, to.owner(), to.repo(), to.commentId(), content)) {
                return postedId(r, "reaction");
            }
        }
        if (COMMENT.equals(notice.getKind())) {
            JsonObject body = Jsons.createObjectBuilder().add("body", NoticeMarker.markdown(notice)).build();
            try (Response r = to.reviewComment() && to.replyTo() != null
                    ? github.replyToReviewComment(authorization, to.owner(), to.repo(), to.number(), to.replyTo(), body)
                    : github.commentOnIssue(authorization, to.owner(), to.repo(), to.number(), body)) {
                return postedId(r, "comment");
            }
        }
        throw new IllegalArgumentException("unknown GitHub notice kind " + notice.getKind());
    }

    @Override
    public Optional<String> findPosted(JobNotice notice) {
        GitHubTarget to = GitHubTarget.from(notice.getTarget());
        if (!COMMENT.equals(notice.getKind()) || (to.reviewComment() && to.replyTo() != null)) {
            return Optional.empty();
        }
        String authorization = "Bearer " + tokens.installationToken(to.installationId());
        Instant since = notice.getCreatedAt().minus(LOOK_BACK);
        try (Response r = clients.gitHub().issueComments(authorization, to.owner(), to.repo(), to.number(),
                RECENT_COMMENTS, 1, since.toString())) {
            if (r.getStatus() != 200) {
                throw new IllegalStateException("github refused the comments of " + to.owner() + "/" + to.repo() + "#"
                        + to.number() + " (HTTP " + r.getStatus() + ")");
            }
            for (JsonValue comment : Jsons.createReader(new StringReader(r.readEntity(String.class))).readArray()) {
                JsonObject c = comment.asJsonObject();
                if (NoticeMarker.carries(c.getString("body", null), notice)) {
                    return Optional.of(c.get("id").toString());
                }
            }
        }
        return Optional.empty();
    }

    private static String postedId(Response response, String what) {
        int status = response.getStatus();
        if (status / 100 != 2) {
            throw new IllegalStateException("github refused the " + what + " (HTTP " + status + ")");
        }
        try {
            JsonObject posted = Jsons.createReader(new StringReader(response.readEntity(String.class))).readObject();
            return posted.containsKey("id") ? posted.get("id").toString() : null;
        } catch (RuntimeException e) {
            return null; // posted all the same; the id is only for the record
        }
    }
}
