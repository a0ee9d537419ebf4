package dev.switchboard.deliveries.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.deliveries.entity.WebhookDelivery;
import dev.switchboard.json.Jsons;
import jakarta.json.JsonException;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;

/** A delivery as the admin API shows it (contract, "Admin API"). */
final class DeliveryJson {

    private DeliveryJson() {
    }

    static JsonObjectBuilder item(WebhookDelivery d) {
        JsonObjectBuilder json = Jsons.createObjectBuilder()
                .add("id", d.getId())
                .add("platform", d.getPlatform().id())
                .add("deliveryId", d.getDeliveryId())
                .add("event", d.getEvent());
        nullable(json, "action", d.getAction());
        json.add("status", d.getStatus().name())
                .add("attempts", d.getAttempts())
                .add("receivedAt", d.getReceivedAt().toString());
        nullable(json, "lastError", d.getLastError());
        nullable(json, "outcome", d.getOutcome());
        nullable(json, "accountId", d.getAccountId());
        json.add("updatedAt", d.getUpdatedAt().toString());
        nullable(json, "nextAttemptAt", d.getNextAttemptAt());
        return json;
    }

    static JsonObjectBuilder detail(WebhookDelivery d) {
        return item(d)
                .add("payload", parse(d.getPayload()))
                .add("headers", parse(d.getHeaders()));
    }

    private static JsonValue parse(String json) {
        try {
            return Jsons.createReader(new StringReader(json)).readValue();
        } catch (JsonException e) {
            return Jsons.createValue(json);
        }
    }
}
