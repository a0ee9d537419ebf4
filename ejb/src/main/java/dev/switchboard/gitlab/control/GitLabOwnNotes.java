package dev.switchboard.gitlab.control;

/**
 * Recognises the notes Switchboard wrote. On GitLab they carry the requester's own name (or GITLAB_TOKEN's user),
 * so neither the author nor a bot flag tells them apart; every note Switchboard writes therefore ends in an HTML
 * comment, which GitLab's Markdown does not show, and a note that carries it is never answered — the summary of a
 * job may well quote the mention that asked for it.
 */
public final class GitLabOwnNotes {

    static final String MARK = "<!-- switchboard -->";

    private GitLabOwnNotes() {
    }

    public static String mark(String body) {
        return body.stripTrailing() + "\n\n" + MARK;
    }

    public static boolean isOurs(String body) {
        return body != null && body.contains(MARK);
    }

    /** The note as a reader sees it. */
    public static String unmarked(String body) {
        return body == null ? "" : body.replace(MARK, "").strip();
    }
}
