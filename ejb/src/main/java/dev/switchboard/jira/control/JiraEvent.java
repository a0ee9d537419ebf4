package dev.switchboard.jira.control;

import java.util.List;

/** A Jira webhook event as Switchboard understands it; anything else is {@link Unsupported}. */
public sealed interface JiraEvent {

    /**
     * A Jira user. Jira Cloud hides usernames; the accountId is the stable id.
     *
     * @param accountType "atlassian" for people, "app" for apps and automation
     */
    record Author(String accountId, String displayName, String accountType) {
        public String name() {
            return displayName == null || displayName.isBlank() ? accountId : displayName;
        }

        public boolean isApp() {
            return "app".equals(accountType);
        }
    }

    /**
     * @param site the Jira site the issue lives on, e.g. {@code https://acme.atlassian.net}
     * @param body the comment in wiki markup (webhooks use the REST v2 representation)
     */
    record CommentCreated(String site, String issueKey, String commentId, String body, Author author)
            implements JiraEvent {
    }

    /** @param added labels in the changelog's {@code toString} that were not in {@code fromString} */
    record IssueLabelAdded(String site, String issueKey, List<String> added, Author author) implements JiraEvent {
        public IssueLabelAdded {
            added = List.copyOf(added);
        }
    }

    /** An event Switchboard does not act on, with the reason. */
    record Unsupported(String reason) implements JiraEvent {
    }
}
