package dev.switchboard.slack.control;

import dev.switchboard.deliveries.control.Manager;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.FollowUps;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Processes stored Slack deliveries; a malformed payload propagates so the delivery is retried. Slack's
 * trigger is the app mention, so unlike the other managers this one needs no {@code AgentTriggers}.
 */
@Stateless
public class SlackManager implements Manager {

    @Inject
    SlackJobs jobs;

    @Inject
    SlackRepositoryChoices choices;

    @Inject
    FollowUps followUps;

    public SlackManager() {
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    /** Without the delivery's id no job can be started once only: the decision is all this says. */
    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        return SlackJobRequests.decide(SlackEventParser.parse(event, payload));
    }

    @Override
    public Outcome receive(String deliveryId, String event, String payload) throws MalformedEventException {
        SlackEvent parsed = SlackEventParser.parse(event, payload);
        Outcome decision = SlackJobRequests.decide(parsed, reply -> followUps.hasJobInThread(
                SlackAsk.threadKey(reply.team(), reply.channel(), reply.threadTs()), reply.user()));
        if (parsed instanceof SlackEvent.BlockActions choice) {
            return choices.choose(deliveryId, choice);
        }
        Optional<SlackAsk> ask = SlackAsk.of(parsed);
        if (!decision.processed() || ask.isEmpty()) {
            return decision;
        }
        return jobs.start(deliveryId, ask.get());
    }
}
