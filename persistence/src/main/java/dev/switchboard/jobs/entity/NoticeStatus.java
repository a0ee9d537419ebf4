package dev.switchboard.jobs.entity;

/** A notice waits to be posted, was posted, or failed too often and waits for a replay. */
public enum NoticeStatus {
    PENDING, POSTED, DEAD
}
