package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.JobNotice;

/**
 * The invisible mark a Markdown post carries (an HTML comment, which GitHub and GitLab do not render), so that a
 * post whose outcome a crash lost can be recognised on the platform instead of being made a second time.
 */
public final class NoticeMarker {

    private NoticeMarker() {
    }

    /** The notice's body with its marker appended. */
    public static String markdown(JobNotice notice) {
        return notice.getBody() + "\n\n" + of(notice);
    }

    /** Whether a post's text carries the notice's marker. */
    public static boolean carries(String text, JobNotice notice) {
        return text != null && text.contains(of(notice));
    }

    private static String of(JobNotice notice) {
        return "<!-- switchboard:notice:" + notice.getId() + " -->";
    }
}
