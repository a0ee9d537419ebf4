package dev.switchboard.gitlab.control;

import java.util.List;

/** A GitLab webhook event as Switchboard understands it; anything else is {@link Unsupported}. */
public sealed interface GitLabEvent {

    /**
     * Who caused the event.
     *
     * @param id  GitLab's numeric user id (the provider user id of a linked account); null when the payload lacks it
     * @param bot GitLab marks project/group access-token users and service accounts as bots
     */
    record Author(Long id, String username, boolean bot) {
    }

    /** What a note is attached to; issues are referenced with {@code #iid}, merge requests with {@code !iid}. */
    enum Noteable {
        ISSUE("issue", "#", "issues"), MERGE_REQUEST("merge request", "!", "merge_requests");

        private final String label;
        private final String sigil;
        private final String apiPath;

        Noteable(String label, String sigil, String apiPath) {
            this.label = label;
            this.sigil = sigil;
            this.apiPath = apiPath;
        }

        public String label() {
            return label;
        }

        /** The API's collection: {@code issues} or {@code merge_requests}. */
        public String apiPath() {
            return apiPath;
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
     * @param projectId    the project's numeric id, which the API addresses it by
     * @param position     where an inline note sits on the diff, or null for a note in the overview
     * @param discussionId the thread to answer in; null when GitLab did not send one
     */
    record Note(String project, long projectId, Noteable noteable, long iid, long noteId, String discussionId,
                String body, Author author, Position position) implements GitLabEvent {
    }

    /** @param added labels in {@code changes.labels.current} that were not in {@code previous} */
    record IssueLabeled(String project, long projectId, long iid, List<String> added, Author author)
            implements GitLabEvent {
        public IssueLabeled {
            added = List.copyOf(added);
        }
    }

    /** @param added labels in {@code changes.labels.current} that were not in {@code previous} */
    record MergeRequestLabeled(String project, long projectId, long iid, List<String> added, Author author)
            implements GitLabEvent {
        public MergeRequestLabeled {
            added = List.copyOf(added);
        }
    }

    /** An event Switchboard does not act on, with the reason. */
    record Unsupported(String reason) implements GitLabEvent {
    }
}
