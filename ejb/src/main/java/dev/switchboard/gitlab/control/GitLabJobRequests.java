package dev.switchboard.gitlab.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.gitlab.control.GitLabEvent.Author;
import dev.switchboard.gitlab.control.GitLabEvent.IssueLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.MergeRequestLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.Note;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.gitlab.control.GitLabEvent.Unsupported;
import dev.switchboard.jobs.control.AgentTriggers;
import dev.switchboard.jobs.control.JobRequest;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Decides whether a GitLab event asks the agent for a job: a note mentioning the agent (not one Switchboard wrote,
 * nor a bot's) or the agent's label added to an issue or merge request. Who asked and their access level are
 * {@link GitLabJobs}' business.
 */
public final class GitLabJobRequests {

    private GitLabJobRequests() {
    }

    public static Outcome decide(GitLabEvent event, AgentTriggers triggers) {
        if (event instanceof Unsupported unsupported) {
            return Outcome.ignored(unsupported.reason());
        }
        if (event instanceof Note note) {
            return note(note, triggers);
        }
        if (event instanceof IssueLabeled labeled) {
            return labeled(labeled.project(), Noteable.ISSUE, labeled.iid(), labeled.added(), labeled.author(),
                    triggers);
        }
        if (event instanceof MergeRequestLabeled labeled) {
            return labeled(labeled.project(), Noteable.MERGE_REQUEST, labeled.iid(), labeled.added(),
                    labeled.author(), triggers);
        }
        throw new IllegalArgumentException("unknown GitLab event " + event);
    }

    private static Outcome note(Note note, AgentTriggers triggers) {
        if (GitLabOwnNotes.isOurs(note.body())) {
            return Outcome.ignored("note written by Switchboard");
        }
        if (note.author().bot()) {
            return Outcome.ignored("note written by a bot (" + note.author().username() + ")");
        }
        if (!triggers.mentions(note.body())) {
            return Outcome.ignored("note does not mention " + triggers.mention());
        }
        String what = "note on " + note.noteable().label();
        if (note.position() != null) {
            what = "inline " + what + " at " + note.position().describe();
        }
        return new JobRequest(note.author().username(), note.noteable().ref(note.project(), note.iid()), what)
                .toOutcome();
    }

    private static Outcome labeled(String project, Noteable kind, long iid, List<String> added, Author author,
                                   AgentTriggers triggers) {
        if (author.bot()) {
            return Outcome.ignored("label added by a bot (" + author.username() + ")");
        }
        if (added.isEmpty()) {
            return Outcome.ignored("no label was added");
        }
        if (!triggers.hasLabel(added)) {
            String names = added.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            return Outcome.ignored((added.size() == 1 ? "label " + names + " is not " : "labels " + names
                    + " are not ") + triggers.label());
        }
        return new JobRequest(author.username(), kind.ref(project, iid), kind.label() + " labeled " + triggers.label())
                .toOutcome();
    }
}
