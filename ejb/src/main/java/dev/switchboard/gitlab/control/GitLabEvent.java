package dev.switchboard.gitlab.control;

import java.util.List;

/** A GitLab webhook event as Switchboard understands it; anything else is {@link Unsupported}. */
public sealed interface GitLabEvent {

    /** @param bot GitLab marks project/group access-token users and service accounts as bots */
    record Author(String username, boolean bot) {
    }

    /** What a note is attached to; issues are referenced with {@code #iid}, merge requests with {@code !iid}. */
    enum Noteable {
        ISSUE("issue", "#"), MERGE_REQUEST("merge request", "!");

        private final String label;
        private final String sigil;

        Noteable(String label, String sigil) {
            this.label = label;
            this.sigil = sigil;
        }

        public String label() {
            return label;
        }

        public String ref(String project, long iid) {
            return project + sigil + iid;
        }
    }

    /**
     * Where an inline (diff) note sits.
     *
     * @param line null for notes on a whole file or an image
     */
    record Position(String path, Long line) {
        public String describe() {
            return line == null ? path : path + ":" + line;
        }
    }

    /**
     * A comment on an issue or a merge request.
     *
     * @param project      the project's path_with_namespace
     * @param position     where an inline note sits on the diff, or null for a note in the overview
     * @param discussionId the thread to answer in; null when GitLab did not send one
     */
    record Note(String project, Noteable noteable, long iid, long noteId, String discussionId, String body,
                Author author, Position position) implements GitLabEvent {
    }

    /** @param added labels in {@code changes.labels.current} that were not in {@code previous} */
    record IssueLabeled(String project, long iid, List<String> added, Author author) implements GitLabEvent {
        public IssueLabeled {
            added = List.copyOf(added);
        }
    }

    /** @param added labels in {@code changes.labels.current} that were not in {@code previous} */
    record MergeRequestLabeled(String project, long iid, List<String> added, Author author) implements GitLabEvent {
        public MergeRequestLabeled {
            added = List.copyOf(added);
        }
    }

    /** An event Switchboard does not act on, with the reason. */
    record Unsupported(String reason) implements GitLabEvent {
    }
}
