package dev.switchboard.admin.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.deliveries.control.Deliveries;
import dev.switchboard.deliveries.control.WebhookSettings;
import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.gitlab.control.GitLabHookReport;
import dev.switchboard.gitlab.entity.GitLabHookInstallation;
import dev.switchboard.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Map;

/** One entry per platform: switched on, secret configured, when it last sent something, deliveries by status. */
@Path("admin/integrations")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class IntegrationsResource {

    private static final int MAX_HOOKS_LISTED = 50;

    @Inject
    Deliveries deliveries;

    @Inject
    WebhookSettings settings;

    @Inject
    GitLabHookReport hookReport;

    @GET
    public String integrations() {
        Map<Platform, Map<DeliveryStatus, Long>> counts = deliveries.countsByStatus();
        Map<Platform, Instant> last = deliveries.lastReceived();
        JsonArrayBuilder all = Jsons.createArrayBuilder();
        for (Platform platform : Platform.values()) {
            JsonObjectBuilder byStatus = Jsons.createObjectBuilder();
            counts.get(platform).forEach((status, n) -> byStatus.add(status.name(), n));
            JsonObjectBuilder entry = Jsons.createObjectBuilder()
                    .add("platform", platform.id())
                    .add("enabled", settings.enabled(platform))
                    .add("configured", settings.configured(platform));
            if (last.containsKey(platform)) {
                entry.add("lastDeliveryAt", last.get(platform).toString());
            } else {
                entry.addNull("lastDeliveryAt");
            }
            if (platform == Platform.GITLAB) {
                JsonObjectBuilder hooks = Jsons.createObjectBuilder();
                deliveries.gitlabHooksByStatus().forEach(hooks::add);
                entry.add("hooks", hooks).add("hooksNeedingAttention", hooksNeedingAttention());
            }
            all.add(entry.add("counts", byStatus));
        }
        return all.build().toString();
    }

    /** DISABLED, INVALID and RATE_LIMITED hooks with their reasons, most recently checked first. */
    private JsonArrayBuilder hooksNeedingAttention() {
        JsonArrayBuilder hooks = Jsons.createArrayBuilder();
        for (GitLabHookInstallation hook : hookReport.needingAttention(MAX_HOOKS_LISTED)) {
            JsonObjectBuilder item = Jsons.createObjectBuilder()
                    .add("resourceType", hook.getResourceType().name().toLowerCase())
                    .add("resourceId", hook.getResourceId())
                    .add("status", hook.getStatus().name());
            nullable(item, "path", hook.getResourcePath());
            nullable(item, "reason", hook.getStatusReason());
            nullable(item, "lastCheckedAt", hook.getLastCheckedAt() == null ? null : hook.getLastCheckedAt().toString());
            hooks.add(item);
        }
        return hooks;
    }
}
