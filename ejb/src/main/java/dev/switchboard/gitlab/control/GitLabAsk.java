package dev.switchboard.gitlab.control;

import dev.switchboard.gitlab.control.GitLabEvent.Author;
import dev.switchboard.gitlab.control.GitLabEvent.IssueLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.MergeRequestLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.Note;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.gitlab.control.GitLabEvent.Position;
import java.util.Optional;

/**
 * A GitLab event that asked for a job, reduced to what starting it needs: where, who, the text that asked, and the
 * discussion to answer in.
 *
 * @param project      the project's path_with_namespace
 * @param noteId       the note that asked; null for a label
 * @param discussionId the discussion of that note; null for a label or when GitLab sent none (the answer then opens
 *                     a discussion of its own)
 * @param request      the text that asked; null for a label
 * @param position     where an inline note sits on the merge request's diff, else null
 */
public record GitLabAsk(String project, long projectId, Noteable noteable, long iid, Author author, Long noteId,
                        String discussionId, String request, Position position) {

    public static Optional<GitLabAsk> of(GitLabEvent event) {
        if (event instanceof Note n) {
            return Optional.of(new GitLabAsk(n.project(), n.projectId(), n.noteable(), n.iid(), n.author(), n.noteId(),
                    n.discussionId(), n.body(), n.position()));
        }
        if (event instanceof IssueLabeled l) {
            return Optional.of(new GitLabAsk(l.project(), l.projectId(), Noteable.ISSUE, l.iid(), l.author(), null,
                    null, null, null));
        }
        if (event instanceof MergeRequestLabeled l) {
            return Optional.of(new GitLabAsk(l.project(), l.projectId(), Noteable.MERGE_REQUEST, l.iid(), l.author(),
                    null, null, null, null));
        }
        return Optional.empty();
    }

    /** {@code group/project#17} or {@code group/project!23}. */
    public String ref() {
        return noteable.ref(project, iid);
    }

    /** Follow-ups in the same issue or merge request belong to this thread. */
    public String threadKey() {
        return "gitlab:" + ref();
    }

    public String requester() {
        return author.username();
    }

    /** Where posts about the job go, and whose credential makes them (see {@link GitLabTarget}). */
    public GitLabTarget answerTo(String actingUserId) {
        return new GitLabTarget(project, projectId, noteable, iid, discussionId, author.username(), actingUserId);
    }
}
