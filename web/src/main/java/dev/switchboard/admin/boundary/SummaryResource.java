package dev.switchboard.admin.boundary;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.deliveries.control.Deliveries;
import dev.switchboard.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;

/**
 * What the console's overview needs beyond the integrations list: deliveries received in the last hour by
 * status, and how long the oldest QUEUED delivery has waited (a stuck broker or listener shows here first).
 * <pre>{"since": "…", "lastHour": {"QUEUED": 0, …}, "oldestQueued": {"id", "platform", "receivedAt", "ageSeconds"} | null}</pre>
 */
@Path("admin/summary")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    Deliveries deliveries;

    @GET
    public String summary() {
        Instant now = Instant.now();
        Instant since = now.minus(Duration.ofHours(1));
        Deliveries.Summary summary = deliveries.summary(since);
        JsonObjectBuilder lastHour = Jsons.createObjectBuilder();
        summary.receivedByStatus().forEach((status, n) -> lastHour.add(status.name(), n));
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("since", since.toString()).add("lastHour", lastHour);
        summary.oldestQueued().ifPresentOrElse(d -> json.add("oldestQueued", Jsons.createObjectBuilder()
                        .add("id", d.getId())
                        .add("platform", d.getPlatform().id())
                        .add("receivedAt", d.getReceivedAt().toString())
                        .add("ageSeconds", Math.max(0, Duration.between(d.getReceivedAt(), now).toSeconds()))),
                () -> json.addNull("oldestQueued"));
        return json.build().toString();
    }
}
