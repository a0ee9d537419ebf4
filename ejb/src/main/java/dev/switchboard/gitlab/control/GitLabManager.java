package dev.switchboard.gitlab.control;

import dev.switchboard.deliveries.control.Manager;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.AgentTriggers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Processes stored GitLab deliveries; a malformed payload propagates so the delivery is retried. */
@Stateless
public class GitLabManager implements Manager {

    @Inject
    AgentTriggers triggers;

    @Inject
    GitLabJobs jobs;

    public GitLabManager() {
    }

    GitLabManager(AgentTriggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public Platform platform() {
        return Platform.GITLAB;
    }

    /** Without the delivery's id no job can be started once only: the decision is all this says. */
    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        return GitLabJobRequests.decide(GitLabEventParser.parse(event, payload), triggers);
    }

    @Override
    public Outcome receive(String deliveryId, String event, String payload) throws MalformedEventException {
        GitLabEvent parsed = GitLabEventParser.parse(event, payload);
        Outcome decision = GitLabJobRequests.decide(parsed, triggers);
        if (!decision.processed()) {
            return decision;
        }
        return jobs.start(deliveryId, GitLabAsk.of(parsed).orElseThrow());
    }
}
