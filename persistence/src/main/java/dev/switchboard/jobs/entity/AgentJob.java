package dev.switchboard.jobs.entity;

import dev.switchboard.deliveries.entity.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A job on the agent server: which delivery asked for it (one job per delivery), who asked, where to answer,
 * and the agent's state as last seen. Every change of that state counts up {@code stateChanges}, which names
 * the change in the callbacks queue and in the idempotency keys of the posts about it.
 */
@Entity
@Table(name = "agent_jobs")
@NamedQuery(name = AgentJob.RECENT, query = "select j from AgentJob j order by j.createdAt desc, j.id")
@NamedQuery(name = AgentJob.BY_DELIVERY, query = "select j from AgentJob j where j.deliveryId = :deliveryId")
@NamedQuery(name = AgentJob.BY_CONVERSATION,
        query = "select j from AgentJob j where j.conversationId = :conversationId")
@NamedQuery(name = AgentJob.DUE_FOR_POLL, query = "select j.id from AgentJob j where j.status in :statuses"
        + " and j.conversationId is not null and (j.polledAt is null or j.polledAt < :before) order by j.polledAt")
@NamedQuery(name = AgentJob.IN_THREAD_BY, query = "select j from AgentJob j where j.threadKey = :threadKey"
        + " and j.requester = :requester order by j.createdAt desc, j.id")
@NamedQuery(name = AgentJob.CLAIM_POLL, query = "update AgentJob j set j.polledAt = :now where j.id = :id"
        + " and (j.polledAt is null or j.polledAt < :before)")
public class AgentJob {

    public static final String RECENT = "AgentJob.recent";
    public static final String BY_DELIVERY = "AgentJob.byDelivery";
    public static final String BY_CONVERSATION = "AgentJob.byConversation";
    public static final String DUE_FOR_POLL = "AgentJob.dueForPoll";
    public static final String CLAIM_POLL = "AgentJob.claimPoll";
    public static final String IN_THREAD_BY = "AgentJob.inThreadBy";

    static final int MAX_ERROR = 2000;

    @Id
    private String id;

    @Column(name = "delivery_id")
    private String deliveryId;

    @Enumerated(EnumType.STRING)
    private Platform platform;

    @Column(name = "thread_key")
    private String threadKey;

    private String repository;

    private String requester;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "answer_to")
    private String answerTo;

    @Column(name = "conversation_id")
    private String conversationId;

    @Enumerated(EnumType.STRING)
    private JobStatus status;

    @Column(name = "agent_state")
    private String agentState;

    @Column(name = "agent_message")
    private String agentMessage;

    @Column(name = "state_changes")
    private int stateChanges;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "polled_at")
    private Instant polledAt;

    @Column(name = "start_sent_at")
    private Instant startSentAt;

    protected AgentJob() {
        // for JPA
    }

    /**
     * @param threadKey  the place follow-ups belong to, e.g. {@code github:acme/api#7}
     * @param userId     the Switchboard user who asked; null in team mode for an unlinked requester
     * @param answerTo   where posts about the job go, as the platform's JSON (the platform's callback
     *                   processor reads it)
     */
    public AgentJob(String deliveryId, Platform platform, String threadKey, String repository, String requester,
                    String userId, String answerTo, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.deliveryId = Objects.requireNonNull(deliveryId);
        this.platform = Objects.requireNonNull(platform);
        this.threadKey = Objects.requireNonNull(threadKey);
        this.repository = repository;
        this.requester = Objects.requireNonNull(requester);
        this.userId = userId;
        this.answerTo = Objects.requireNonNull(answerTo);
        this.status = JobStatus.STARTING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * The start is about to go to the agent server. Returns false when an earlier attempt already sent it and
     * never learned the answer (a crash in between): sending again could open a second conversation.
     */
    public boolean startSending(Instant now) {
        if (startSentAt != null) {
            return false;
        }
        this.startSentAt = now;
        this.updatedAt = now;
        return true;
    }

    /** The start did not reach the agent server (not connected, unavailable): a later attempt may send it. */
    public void startNotSent(Instant now) {
        this.startSentAt = null;
        this.updatedAt = now;
    }

    /** The agent server opened the conversation. */
    public void started(String conversationId, Instant now) {
        if (this.conversationId != null) {
            return;
        }
        this.conversationId = Objects.requireNonNull(conversationId);
        this.status = JobStatus.RUNNING;
        this.lastError = null;
        this.updatedAt = now;
    }

    /** The agent server refused the job for good: nothing will ever run. */
    public void failedToStart(String error, Instant now) {
        this.status = JobStatus.ERROR;
        this.lastError = clip(error);
        this.updatedAt = now;
    }

    /**
     * The agent reported its state. Returns true when that is a change (counted), false when it repeats the
     * state already known — the same push twice, or a poll that learns what a push already told.
     *
     * @param agentState the agent's own state name ({@code finished}, {@code rate_limited}, ...)
     * @param message    the agent's last message, if known; kept when the report has none
     */
    public boolean agentStateChanged(String agentState, JobStatus status, String message, Instant now) {
        Objects.requireNonNull(agentState);
        Objects.requireNonNull(status);
        if (agentState.equals(this.agentState)) {
            return false;
        }
        this.agentState = agentState;
        this.status = status;
        if (message != null && !message.isBlank()) {
            this.agentMessage = message;
        }
        this.stateChanges++;
        this.updatedAt = now;
        return true;
    }

    /**
     * The requester followed up and the conversation has their new message: the agent works again, so the job is
     * active (due for a poll at once) and its next report of any state, even the one it had, is a change. Answers go where
     * the follow-up was asked.
     *
     * @param answerTo the follow-up's place to answer, or null to keep the job's
     */
    public void followedUp(String answerTo, Instant now) {
        this.agentState = "running";
        this.status = JobStatus.RUNNING;
        if (answerTo != null) {
            this.answerTo = answerTo;
        }
        this.stateChanges++;
        this.polledAt = null;
        this.updatedAt = now;
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }

    public String getId() { return id; }
    public String getDeliveryId() { return deliveryId; }
    public Platform getPlatform() { return platform; }
    public String getThreadKey() { return threadKey; }
    public String getRepository() { return repository; }
    public String getRequester() { return requester; }
    public String getUserId() { return userId; }
    public String getAnswerTo() { return answerTo; }
    public String getConversationId() { return conversationId; }
    public JobStatus getStatus() { return status; }
    public String getAgentState() { return agentState; }
    public String getAgentMessage() { return agentMessage; }
    public int getStateChanges() { return stateChanges; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getPolledAt() { return polledAt; }
    public Instant getStartSentAt() { return startSentAt; }
}
