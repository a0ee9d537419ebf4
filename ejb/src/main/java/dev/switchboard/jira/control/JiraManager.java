package dev.switchboard.jira.control;

import dev.switchboard.deliveries.control.Manager;
import dev.switchboard.deliveries.control.Outcome;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jobs.control.AgentTriggers;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Processes stored Jira deliveries; a malformed payload propagates so the delivery is retried. */
@Stateless
public class JiraManager implements Manager {

    @Inject
    AgentTriggers triggers;

    @Inject
    JiraJobs jobs;

    @Inject
    @ConfigProperty(name = "jira.agent.account.id")
    Optional<String> agentAccountId;

    @Inject
    @ConfigProperty(name = "jira.service.account.id")
    Optional<String> serviceAccountId;

    private JiraAccounts accounts;

    public JiraManager() {
    }

    JiraManager(AgentTriggers triggers, JiraAccounts accounts) {
        this.triggers = triggers;
        this.accounts = accounts;
    }

    @PostConstruct
    void readAccounts() {
        accounts = new JiraAccounts(agentAccountId, serviceAccountId);
    }

    @Override
    public Platform platform() {
        return Platform.JIRA;
    }

    @Override
    public Outcome receive(String event, String payload) throws MalformedEventException {
        return JiraJobRequests.decide(JiraEventParser.parse(event, payload), triggers, accounts);
    }

    /** A decided request becomes a job, once per delivery ({@link JiraJobs}). */
    @Override
    public Outcome receive(String deliveryId, String event, String payload) throws MalformedEventException {
        JiraEvent parsed = JiraEventParser.parse(event, payload);
        Outcome decision = JiraJobRequests.decide(parsed, triggers, accounts);
        if (!decision.processed()) {
            return decision;
        }
        return jobs.start(deliveryId, JiraAsk.of(parsed).orElseThrow());
    }
}
