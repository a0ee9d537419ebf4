package dev.switchboard.deliveries.control;

import dev.switchboard.deliveries.control.WebhookRejection.Reason;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.deliveries.entity.WebhookDelivery;
import dev.switchboard.json.Jsons;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shared intake path every platform's webhook resource takes, in the contract's order:
 * enabled, size (checked by the resource while reading), authenticity, well-formed, stored.
 */
@ApplicationScoped
public class WebhookReception {

    private static final Logger LOG = Logger.getLogger(WebhookReception.class.getName());

    @Inject
    WebhookSettings settings;

    @Inject
    DeliveryIntake intake;

    @Inject
    DeliveryMetrics metrics;

    @Inject
    @Any
    Instance<InboundWebhook> webhooks;

    @Inject
    @Any
    Instance<PerHookSecrets> perHookSecrets;

    private final Clock clock = Clock.systemUTC();
    private volatile Map<Platform, InboundWebhook> byPlatform;

    public void requireEnabled(Platform platform) {
        if (!settings.enabled(platform)) {
            throw rejected(platform, Reason.DISABLED, platform.id() + " webhooks are disabled");
        }
    }

    public long maxBytes() {
        return settings.maxBytes();
    }

    public WebhookRejection tooLarge(Platform platform) {
        return rejected(platform, Reason.TOO_LARGE,
                "payload larger than " + settings.maxBytes() + " bytes");
    }

    public Acknowledgement receive(Platform platform, WebhookRequest request) {
        long started = System.nanoTime();
        requireEnabled(platform);
        InboundWebhook webhook = webhook(platform);
        Instant now = clock.instant();
        if (!authentic(platform, webhook, request, now)) {
            throw rejected(platform, Reason.NOT_AUTHENTIC, "request signature could not be verified");
        }
        Reception reception;
        try {
            WellFormedRequest.contentType(platform.id(), request.headers());
            reception = webhook.read(request);
            if (reception instanceof Reception.Delivery d) {
                WellFormedRequest.delivery(platform.id(), d);
            }
        } catch (MalformedWebhookException e) {
            throw rejected(platform, Reason.MALFORMED, e.getMessage());
        }
        Acknowledgement ack = reception instanceof Reception.Challenge c
                ? new Acknowledgement.Challenged(c.challenge())
                : reception instanceof Reception.Answer a ? new Acknowledgement.Answered(a.json())
                : store(platform, (Reception.Delivery) reception, request.headers(), now);
        metrics.received(platform, ack, System.nanoTime() - started);
        return ack;
    }

    /** Authentic under the platform's configured secret, or under the secret of the hook it names. */
    private boolean authentic(Platform platform, InboundWebhook webhook, WebhookRequest request, Instant now) {
        Optional<String> configured = settings.secret(platform);
        if (configured.isPresent() && webhook.isAuthentic(request, configured.get(), now)) {
            return true;
        }
        for (PerHookSecrets hooks : perHookSecrets) {
            if (hooks.platform() == platform) {
                Optional<String> hookSecret = hooks.secretFor(request.headers());
                if (hookSecret.isPresent() && webhook.isAuthentic(request, hookSecret.get(), now)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Acknowledgement store(Platform platform, Reception.Delivery d, WebhookHeaders headers, Instant now) {
        try {
            WebhookDelivery delivery = new WebhookDelivery(platform, d.deliveryId(), d.event(), d.action(),
                    d.accountId(), headersJson(headers), d.payload(), now);
            Optional<String> stored = intake.store(delivery);
            if (stored.isPresent()) {
                return new Acknowledgement.Queued(stored.get());
            }
            return new Acknowledgement.Duplicate(intake.existingId(platform, d.deliveryId()).orElseThrow());
        } catch (RuntimeException e) {
            // Database down (or the commit failed): nothing was acknowledged, the platform redelivers. The broker is
            // not in this transaction: while it is down deliveries are still stored, and sent once it is back.
            LOG.log(Level.WARNING, platform.id() + " delivery " + d.deliveryId() + " could not be stored", e);
            throw rejected(platform, Reason.UNAVAILABLE, "delivery could not be stored; retry later");
        }
    }

    private WebhookRejection rejected(Platform platform, Reason reason, String message) {
        metrics.rejected(platform, reason);
        return new WebhookRejection(reason, message);
    }

    private InboundWebhook webhook(Platform platform) {
        Map<Platform, InboundWebhook> map = byPlatform;
        if (map == null) {
            map = new EnumMap<>(Platform.class);
            for (InboundWebhook w : webhooks) {
                map.put(w.platform(), w);
            }
            byPlatform = map;
        }
        InboundWebhook webhook = map.get(platform);
        if (webhook == null) {
            throw new IllegalStateException("no InboundWebhook for " + platform);
        }
        return webhook;
    }

    static String headersJson(WebhookHeaders headers) {
        JsonObjectBuilder json = Jsons.createObjectBuilder();
        for (Map.Entry<String, List<String>> header : headers.withoutSecrets().entrySet()) {
            JsonArrayBuilder values = Jsons.createArrayBuilder();
            header.getValue().forEach(values::add);
            json.add(header.getKey(), values);
        }
        return json.build().toString();
    }
}
