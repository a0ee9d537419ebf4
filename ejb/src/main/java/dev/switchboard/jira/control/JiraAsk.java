package dev.switchboard.jira.control;

import dev.switchboard.jira.control.JiraEvent.Author;
import dev.switchboard.jira.control.JiraEvent.CommentCreated;
import dev.switchboard.jira.control.JiraEvent.IssueLabelAdded;
import java.util.Optional;

/**
 * A Jira event that asked for a job, reduced to what starting it needs.
 *
 * @param commentId the comment that asked; null when a label asked
 * @param request   the comment in wiki markup; null when a label asked
 */
public record JiraAsk(String site, String issueKey, String commentId, String request, Author author) {

    public static Optional<JiraAsk> of(JiraEvent event) {
        if (event instanceof CommentCreated c) {
            return Optional.of(new JiraAsk(c.site(), c.issueKey(), c.commentId(), c.body(), c.author()));
        }
        if (event instanceof IssueLabelAdded l) {
            return Optional.of(new JiraAsk(l.site(), l.issueKey(), null, null, l.author()));
        }
        return Optional.empty();
    }

    /** {@code API-7 on https://acme.atlassian.net}, for outcomes and logs. */
    public String ref() {
        return issueKey + " on " + site;
    }

    /** Follow-ups on the same issue belong to this thread. */
    public String threadKey() {
        return "jira:" + site + "/browse/" + issueKey;
    }

    public JiraTarget target(String workspaceId) {
        return new JiraTarget(site, workspaceId, issueKey, commentId, author.name(), null);
    }
}
