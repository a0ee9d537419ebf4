package dev.switchboard.jobs.entity;

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
 * A delivery that followed up a job: its text goes to the job's conversation as a new message, once. The row is
 * committed (PENDING) before the agent server is called and marked after, so a replayed delivery finds what
 * became of it.
 */
@Entity
@Table(name = "job_followups")
@NamedQuery(name = JobFollowUp.BY_DELIVERY, query = "select f from JobFollowUp f where f.deliveryId = :deliveryId")
public class JobFollowUp {

    public static final String BY_DELIVERY = "JobFollowUp.byDelivery";

    static final int MAX_ERROR = 2000;

    /** What became of the follow-up. */
    public enum Status {
        /** Stored; the message has not (yet) been taken by the agent server. */
        PENDING,
        /** The conversation has the message. */
        SENT,
        /** The agent server refused it or did not answer: not repeated, the requester was told. */
        FAILED,
        /** The conversation is gone: the delivery started a job of its own instead. */
        NEW_JOB
    }

    @Id
    private String id;

    @Column(name = "delivery_id")
    private String deliveryId;

    @Column(name = "job_id")
    private String jobId;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected JobFollowUp() {
        // for JPA
    }

    public JobFollowUp(String deliveryId, String jobId, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.deliveryId = Objects.requireNonNull(deliveryId);
        this.jobId = Objects.requireNonNull(jobId);
        this.status = Status.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void ended(Status status, String error, Instant now) {
        this.status = Objects.requireNonNull(status);
        this.lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        this.updatedAt = now;
    }

    public String getId() { return id; }
    public String getDeliveryId() { return deliveryId; }
    public String getJobId() { return jobId; }
    public Status getStatus() { return status; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
