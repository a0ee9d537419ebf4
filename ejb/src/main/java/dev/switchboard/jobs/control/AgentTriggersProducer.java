package dev.switchboard.jobs.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads AGENT_MENTION / AGENT_LABEL once and hands managers an {@link AgentTriggers}. The triggers are
 * produced with the default (dependent) scope because a final class cannot be proxied.
 */
@ApplicationScoped
public class AgentTriggersProducer {

    @Inject
    @ConfigProperty(name = "agent.mention", defaultValue = AgentTriggers.DEFAULT_MENTION)
    String mention;

    @Inject
    @ConfigProperty(name = "agent.label", defaultValue = AgentTriggers.DEFAULT_LABEL)
    String label;

    private AgentTriggers triggers;

    @PostConstruct
    void read() {
        triggers = new AgentTriggers(mention, label);
    }

    @Produces
    public AgentTriggers agentTriggers() {
        return triggers;
    }
}
