package dev.switchboard.deliveries.control;

/** What intake answers for an accepted request. */
public sealed interface Acknowledgement {

    /** Stored and queued: 202. */
    record Queued(String id) implements Acknowledgement {
    }

    /** Stored before (same platform and delivery id): 200, and not processed again. */
    record Duplicate(String id) implements Acknowledgement {
    }

    /** A synchronous answer (Slack's options load): 200 with this JSON; nothing stored. */
    record Answered(String json) implements Acknowledgement {
    }

    /** A handshake (Slack url_verification): 200 with the challenge; nothing stored. */
    record Challenged(String challenge) implements Acknowledgement {
    }
}
