package dev.switchboard.jobs.entity;

/** Where a job stands, as Switchboard last learned it from the agent server. */
public enum JobStatus {
    /** Stored; the agent server has not (yet) confirmed a conversation. */
    STARTING,
    RUNNING,
    AWAITING_INPUT,
    FINISHED,
    ERROR,
    STOPPED;

    /** Whether the agent may still change its state, so the watcher keeps asking about it. */
    public boolean isActive() {
        return this == RUNNING || this == AWAITING_INPUT;
    }
}
