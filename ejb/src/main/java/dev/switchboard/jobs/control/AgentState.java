package dev.switchboard.jobs.control;

import dev.switchboard.jobs.entity.JobStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * The agent states Switchboard tells users about, read from OpenHands' {@code agent_state_changed}
 * observations ({@code extras.agent_state}). States in between (loading, confirmations, paused) carry no news
 * for the person who asked and map to {@link #RUNNING} or are not reported.
 */
public enum AgentState {
    RUNNING(JobStatus.RUNNING),
    AWAITING_INPUT(JobStatus.AWAITING_INPUT),
    FINISHED(JobStatus.FINISHED),
    ERROR(JobStatus.ERROR),
    STOPPED(JobStatus.STOPPED),
    /** The agent's model provider limits it; the agent waits and goes on, so the job stays active. */
    RATE_LIMITED(JobStatus.RUNNING);

    private final JobStatus jobStatus;

    AgentState(JobStatus jobStatus) {
        this.jobStatus = jobStatus;
    }

    public JobStatus jobStatus() {
        return jobStatus;
    }

    /** The name stored on the job and used in idempotency keys. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the person who asked should hear about this state. */
    public boolean isNews() {
        return this != RUNNING;
    }

    /** OpenHands' wire name ({@code awaiting_user_input}, {@code finished}, ...); empty for states not reported. */
    public static Optional<AgentState> fromWire(String state) {
        if (state == null) {
            return Optional.empty();
        }
        switch (state.trim().toLowerCase(Locale.ROOT)) {
            case "running":
            case "user_confirmed":
            case "user_rejected":
                return Optional.of(RUNNING);
            case "awaiting_user_input":
            case "awaiting_user_confirmation":
            case "awaiting_input":
                return Optional.of(AWAITING_INPUT);
            case "finished":
                return Optional.of(FINISHED);
            case "error":
                return Optional.of(ERROR);
            case "stopped":
            case "rejected":
                return Optional.of(STOPPED);
            case "rate_limited":
                return Optional.of(RATE_LIMITED);
            default:
                return Optional.empty(); // loading, init, paused: nothing to tell yet
        }
    }
}
