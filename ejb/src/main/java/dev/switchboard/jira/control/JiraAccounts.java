package dev.switchboard.jira.control;

import java.util.Optional;

/**
 * The Jira accounts that matter to decisions, both optional.
 *
 * @param agentAccountId   the account people pick in a user mention ({@code [~accountid:...]}) to ask the agent
 * @param serviceAccountId the account Switchboard comments with; its comments are never answered, or it
 *                         would answer itself
 */
public record JiraAccounts(Optional<String> agentAccountId, Optional<String> serviceAccountId) {

    public static JiraAccounts none() {
        return new JiraAccounts(Optional.empty(), Optional.empty());
    }

    public JiraAccounts {
        agentAccountId = agentAccountId.map(String::trim).filter(id -> !id.isEmpty());
        serviceAccountId = serviceAccountId.map(String::trim).filter(id -> !id.isEmpty());
    }

    public boolean isService(String accountId) {
        return serviceAccountId.filter(accountId::equals).isPresent();
    }
}
