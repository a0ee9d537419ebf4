package dev.switchboard.deliveries.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.deliveries.control.Deliveries;
import dev.switchboard.deliveries.control.DeliveryFilter;
import dev.switchboard.deliveries.control.DeliveryPage;
import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Locale;

/** Operators' view of stored deliveries: list (newest first, keyset paging), detail, replay. */
@Path("admin/deliveries")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class DeliveriesResource {

    @Inject
    Deliveries deliveries;

    @GET
    public String list(@QueryParam("platform") String platform, @QueryParam("status") String status,
                       @QueryParam("event") String event, @QueryParam("limit") String limit,
                       @QueryParam("cursor") String cursor) {
        DeliveryPage page = deliveries.list(filter(platform, status, event, limit, cursor));
        JsonArrayBuilder items = Json.createArrayBuilder();
        page.items().forEach(d -> items.add(DeliveryJson.item(d)));
        JsonObjectBuilder json = Json.createObjectBuilder().add("items", items);
        if (page.next() == null) {
            json.addNull("next");
        } else {
            json.add("next", page.next());
        }
        return json.build().toString();
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id) {
        return deliveries.find(id)
                .map(d -> Response.ok(DeliveryJson.detail(d).build().toString()).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "no delivery " + id));
    }

    @POST
    @Path("{id}/replay")
    public Response replay(@PathParam("id") String id) {
        return deliveries.replay(id)
                .map(d -> Response.accepted(DeliveryJson.item(d).build().toString()).build())
                .orElseGet(() -> ErrorBody.response(Response.Status.NOT_FOUND, "no delivery " + id));
    }

    private static DeliveryFilter filter(String platform, String status, String event, String limit,
                                         String cursor) {
        Platform p = blank(platform) ? null : Platform.fromId(platform)
                .orElseThrow(() -> new BadRequestException("unknown platform '" + platform + "'"));
        DeliveryStatus s = null;
        if (!blank(status)) {
            try {
                s = DeliveryStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("unknown status '" + status + "'");
            }
        }
        int n = DeliveryFilter.DEFAULT_LIMIT;
        if (!blank(limit)) {
            try {
                n = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                throw new BadRequestException("limit must be a number");
            }
        }
        Instant after = null;
        String afterId = null;
        try {
            if (!blank(cursor)) {
                DeliveryFilter.Position position = DeliveryFilter.decodeCursor(cursor);
                after = position.receivedAt();
                afterId = position.id();
            }
            return new DeliveryFilter(p, s, blank(event) ? null : event, n, after, afterId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
