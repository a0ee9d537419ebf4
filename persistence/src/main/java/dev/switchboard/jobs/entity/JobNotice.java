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
 * One post on a platform about a job (the seed's callback record, made durable): stored with its
 * idempotency key before the platform is called, marked POSTED after, so a replayed delivery or a
 * redelivered callback finds it and posts nothing again. It carries what to post and where, so a DEAD
 * notice can be replayed on its own.
 */
@Entity
@Table(name = "job_notices")
@NamedQuery(name = JobNotice.OF_JOB, query = "select n from JobNotice n where n.jobId = :jobId order by n.createdAt, n.id")
@NamedQuery(name = JobNotice.BY_KEY, query = "select n from JobNotice n where n.idempotencyKey = :key")
public class JobNotice {

    public static final String OF_JOB = "JobNotice.ofJob";
    public static final String BY_KEY = "JobNotice.byKey";

    static final int MAX_ERROR = 2000;

    @Id
    private String id;

    @Column(name = "job_id")
    private String jobId;

    @Enumerated(EnumType.STRING)
    private Platform platform;

    private String kind;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    private String target;

    private String body;

    @Enumerated(EnumType.STRING)
    private NoticeStatus status;

    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "posted_id")
    private String postedId;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Column(name = "sending_since")
    private Instant sendingSince;

    protected JobNotice() {
        // for JPA
    }

    /**
     * @param jobId  null for a post that belongs to no job
     * @param kind   what to post, as the platform's poster knows it (e.g. {@code comment}, {@code reaction})
     * @param target where, as the platform's JSON
     */
    public JobNotice(String jobId, Platform platform, String kind, String idempotencyKey, String target, String body,
                     Instant now) {
        this.id = UUID.randomUUID().toString();
        this.jobId = jobId;
        this.platform = Objects.requireNonNull(platform);
        this.kind = Objects.requireNonNull(kind);
        this.idempotencyKey = Objects.requireNonNull(idempotencyKey);
        this.target = Objects.requireNonNull(target);
        this.body = Objects.requireNonNull(body);
        this.status = NoticeStatus.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean isPending() {
        return status == NoticeStatus.PENDING;
    }

    /**
     * A post is about to go out. Returns true when an earlier one went out and its outcome was never recorded (a
     * crash, or a failure that may have happened after the platform took it): the platform should be asked first.
     */
    public boolean sending(Instant now) {
        boolean uncertain = sendingSince != null;
        this.sendingSince = now;
        this.updatedAt = now;
        return uncertain;
    }

    public void posted(String postedId, Instant now) {
        this.sendingSince = null;
        this.status = NoticeStatus.POSTED;
        this.postedId = postedId;
        this.lastError = null;
        this.updatedAt = now;
    }

    /** A post failed: counted; after {@code maxAttempts} the notice is DEAD. Returns whether it is. */
    public boolean failed(String error, int maxAttempts, Instant now) {
        this.attempts++;
        this.lastError = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        this.updatedAt = now;
        if (attempts >= maxAttempts) {
            this.status = NoticeStatus.DEAD;
        }
        return status == NoticeStatus.DEAD;
    }

    /** An operator asks for another try of a DEAD notice. */
    public boolean replay(Instant now) {
        if (status != NoticeStatus.DEAD) {
            return false;
        }
        this.status = NoticeStatus.PENDING;
        this.attempts = 0;
        this.updatedAt = now;
        return true;
    }

    public String getId() { return id; }
    public String getJobId() { return jobId; }
    public Platform getPlatform() { return platform; }
    public String getKind() { return kind; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getTarget() { return target; }
    public String getBody() { return body; }
    public NoticeStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public String getLastError() { return lastError; }
    public String getPostedId() { return postedId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getSendingSince() { return sendingSince; }
}
