package dev.switchboard.jobs.control;

import dev.switchboard.deliveries.control.Outcome;
import java.util.Objects;

/**
 * A decision that the agent should work: who asked, where, and what on. Until jobs exist, the delivery
 * records it as its outcome text.
 *
 * @param requester the platform user who asked (login, username, display name or user id)
 * @param where     the place the job is about: {@code owner/repo#12}, {@code group/project!3}, an issue key
 * @param what      what asked for it, e.g. "comment on issue" or "review comment on src/App.java:12"
 */
public record JobRequest(String requester, String where, String what) {

    public JobRequest {
        Objects.requireNonNull(requester);
        Objects.requireNonNull(where);
        Objects.requireNonNull(what);
    }

    public String describe() {
        return "a job would be requested by " + requester + " for " + where + ": " + what;
    }

    public Outcome toOutcome() {
        return Outcome.processed(describe());
    }
}
