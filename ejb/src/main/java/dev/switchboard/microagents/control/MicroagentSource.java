package dev.switchboard.microagents.control;

import java.util.Locale;

/** Where a microagent came from, in precedence order: a later source overrides an earlier one of the same name. */
public enum MicroagentSource {
    /** Shipped with Switchboard, or the folder MICROAGENTS_DIR names. */
    SHIPPED,
    /** The organization's config repository ({@code {org}/.openhands}, GitLab {@code {group}/openhands-config}). */
    ORGANIZATION,
    /** The repository the job runs on: {@code .openhands/microagents/} and its third-party files. */
    REPOSITORY;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
