package dev.switchboard.github.control;

import dev.switchboard.deliveries.control.Manager;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.AgentTriggers;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Processes stored GitHub deliveries; a malformed payload propagates so the delivery is retried. */
@Stateless
public class GitHubManager implements Manager {

    @Inject
    AgentTriggers triggers;

    @Inject
    GitHubInstallations installations;

    @Inject
    GitHubJobs jobs;

    public GitHubManager() {
    }

    GitHubManager(AgentTriggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public Platform platform() {
        return Platform.GITHUB;
    }

    /** Without the delivery's id no job can be started once only: the decision is all this says. */
    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        GitHubEvent parsed = GitHubEventParser.parse(event, payload);
        if (parsed instanceof GitHubEvent.InstallationChanged change) {
            return Outcome.processed(installations.apply(change));
        }
        return GitHubJobRequests.decide(parsed, triggers);
    }

    @Override
    public Outcome receive(String deliveryId, String event, String payload) throws MalformedEventException {
        GitHubEvent parsed = GitHubEventParser.parse(event, payload);
        if (parsed instanceof GitHubEvent.InstallationChanged change) {
            return Outcome.processed(installations.apply(change));
        }
        Outcome decision = GitHubJobRequests.decide(parsed, triggers);
        if (!decision.processed()) {
            return decision;
        }
        return jobs.start(deliveryId, GitHubAsk.of(parsed).orElseThrow());
    }
}
