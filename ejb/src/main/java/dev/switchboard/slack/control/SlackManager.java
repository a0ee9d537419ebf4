package dev.switchboard.slack.control;

import dev.switchboard.deliveries.control.Manager;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import jakarta.ejb.Stateless;

/**
 * Processes stored Slack deliveries; a malformed payload propagates so the delivery is retried. Slack's
 * trigger is the app mention, so unlike the other managers this one needs no {@code AgentTriggers}.
 */
@Stateless
public class SlackManager implements Manager {

    public SlackManager() {
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        return SlackJobRequests.decide(SlackEventParser.parse(event, payload));
    }
}
