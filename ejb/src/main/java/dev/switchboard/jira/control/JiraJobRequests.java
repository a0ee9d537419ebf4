package dev.switchboard.jira.control;

import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.jira.control.JiraEvent.CommentCreated;
import dev.switchboard.jira.control.JiraEvent.IssueLabelAdded;
import dev.switchboard.jira.control.JiraEvent.Unsupported;
import dev.switchboard.jobs.control.AgentTriggers;
import dev.switchboard.jobs.control.JobRequest;
import java.util.stream.Collectors;

/** Decides whether a Jira event asks the agent for a job. */
public final class JiraJobRequests {

    private JiraJobRequests() {
    }

    public static Outcome decide(JiraEvent event, AgentTriggers triggers, JiraAccounts accounts) {
        if (event instanceof Unsupported unsupported) {
            return Outcome.ignored(unsupported.reason());
        }
        if (event instanceof CommentCreated comment) {
            return comment(comment, triggers, accounts);
        }
        if (event instanceof IssueLabelAdded labeled) {
            return labeled(labeled, triggers, accounts);
        }
        throw new IllegalArgumentException("unknown Jira event " + event);
    }

    private static Outcome comment(CommentCreated comment, AgentTriggers triggers, JiraAccounts accounts) {
        if (accounts.isService(comment.author().accountId())) {
            return Outcome.ignored("comment written by the service account (" + comment.author().accountId() + ")");
        }
        if (comment.author().isApp()) {
            return Outcome.ignored("comment written by an app (" + comment.author().name() + ")");
        }
        String text = JiraMarkup.withoutQuotesAndCode(comment.body());
        boolean picked = accounts.agentAccountId()
                .filter(id -> text.contains("[~accountid:" + id + "]"))
                .isPresent();
        if (!picked && !triggers.mentions(text)) {
            return Outcome.ignored("comment does not mention " + triggers.mention());
        }
        return new JobRequest(comment.author().name(), where(comment.issueKey(), comment.site()), "comment on issue")
                .toOutcome();
    }

    private static Outcome labeled(IssueLabelAdded labeled, AgentTriggers triggers, JiraAccounts accounts) {
        if (accounts.isService(labeled.author().accountId()) || labeled.author().isApp()) {
            return Outcome.ignored("label added by " + labeled.author().name() + ", not by a person");
        }
        if (labeled.added().isEmpty()) {
            return Outcome.ignored("no label was added");
        }
        if (!triggers.hasLabel(labeled.added())) {
            String names = labeled.added().stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
            return Outcome.ignored((labeled.added().size() == 1 ? "label " + names + " is not "
                    : "labels " + names + " are not ") + triggers.label());
        }
        return new JobRequest(labeled.author().name(), where(labeled.issueKey(), labeled.site()),
                "issue labeled " + triggers.label()).toOutcome();
    }

    private static String where(String issueKey, String site) {
        return issueKey + " on " + site;
    }
}
