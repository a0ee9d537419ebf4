package dev.switchboard.deliveries.control;

import java.util.Objects;

/** What an authentic, well-formed webhook request turned out to be. */
public sealed interface Reception {

    /**
     * An event to store and process.
     *
     * @param deliveryId the platform's id for this delivery: the dedupe key (contract, "Inbound webhooks")
     * @param event      the event type (GitHub's X-GitHub-Event, Stripe's type, Slack's event.type, ...)
     * @param action     the event's action or sub-type, when it has one
     * @param accountId  installation / team / workspace / account the event belongs to, when known
     * @param payload    the event as JSON text (for form-encoded bodies, the JSON inside the form)
     */
    record Delivery(String deliveryId, String event, String action, String accountId, String payload)
            implements Reception {
        public Delivery {
            Objects.requireNonNull(deliveryId);
            Objects.requireNonNull(event);
            Objects.requireNonNull(payload);
        }
    }

    /**
     * A question to answer at once with this JSON and not store: Slack's options load ({@code block_suggestion}),
     * which Slack waits 3 s for.
     */
    record Answer(String json) implements Reception {
        public Answer {
            Objects.requireNonNull(json);
        }
    }

    /** A handshake to answer at once and not store: Slack's url_verification. */
    record Challenge(String challenge) implements Reception {
        public Challenge {
            Objects.requireNonNull(challenge);
        }
    }
}
