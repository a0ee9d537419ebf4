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

    public GitHubManager() {
    }

    GitHubManager(AgentTriggers triggers) {
        this.triggers = triggers;
    }

    @Override
    public Platform platform() {
        return Platform.GITHUB;
    }

    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        return GitHubJobRequests.decide(GitHubEventParser.parse(event, payload), triggers);
    }
}
