package dev.switchboard.deliveries.boundary;

import dev.switchboard.api.boundary.ErrorBody;
import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.deliveries.control.Deliveries;
import dev.switchboard.deliveries.control.DeliveryFilter;
import dev.switchboard.deliveries.control.DeliveryPage;
import dev.switchboard.deliveries.entity.DeliveryStatus;
import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.json.Jsons;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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

    /** At most this many DEAD deliveries are replayed by one bulk request unless it asks for fewer. */
    static final int BULK_REPLAY_DEFAULT = 100;

    @GET
    public String list(@QueryParam("platform") String platform, @QueryParam("status") String status,
                       @QueryParam("event") String event, @QueryParam("from") String from,
                       @QueryParam("to") String to, @QueryParam("limit") String limit,
                       @QueryParam("cursor") String cursor) {
        DeliveryPage page = deliveries.list(filter(platform, status, event, from, to, limit,
                DeliveryFilter.DEFAULT_LIMIT, cursor));
        JsonArrayBuilder items = Jsons.createArrayBuilder();
        page.items().forEach(d -> items.add(DeliveryJson.item(d)));
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("items", items);
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

    /**
     * Replays every DEAD delivery of a filter (oldest first, bounded by {@code limit}, default 100):
     * {@code {"replayed": n, "ids": [...], "more": true|false}}. {@code status=DEAD} must be stated, so that
     * nobody replays processed deliveries in bulk by leaving a field empty; repeating the request replays
     * only deliveries that died since.
     */
    @POST
    @Path("replay")
    public Response replayDead(@QueryParam("platform") String platform, @QueryParam("status") String status,
                               @QueryParam("event") String event, @QueryParam("from") String from,
                               @QueryParam("to") String to, @QueryParam("limit") String limit) {
        DeliveryFilter filter = filter(platform, status, event, from, to, limit, BULK_REPLAY_DEFAULT, null);
        if (filter.status() != DeliveryStatus.DEAD) {
            throw new BadRequestException("bulk replay needs status=DEAD");
        }
        Deliveries.BulkReplay replay = deliveries.replayDead(filter);
        JsonArrayBuilder ids = Jsons.createArrayBuilder();
        replay.ids().forEach(ids::add);
        return Response.accepted(Jsons.createObjectBuilder().add("replayed", replay.ids().size()).add("ids", ids)
                .add("more", replay.more()).build().toString()).build();
    }

    private static DeliveryFilter filter(String platform, String status, String event, String from, String to,
                                         String limit, int defaultLimit, String cursor) {
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
        int n = defaultLimit;
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
            return new DeliveryFilter(p, s, blank(event) ? null : event, instant("from", from), instant("to", to),
                    n, after, afterId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    /** An ISO-8601 instant ({@code 2026-05-01T10:00:00Z}), or null when absent. */
    private static Instant instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadRequestException(name + " must be an ISO-8601 instant such as 2026-05-01T10:00:00Z");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
