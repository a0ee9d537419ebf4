package dev.switchboard.stripe.boundary;

import dev.switchboard.api.boundary.SwitchboardApi;
import dev.switchboard.json.Jsons;
import dev.switchboard.stripe.control.StripeCustomers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Operators settle a user's Stripe customer (find or create) and see whether it has a payment method —
 * what the billing gate asks before starting a job. The user key is {@code <platform>:<login>} in team
 * mode, else the Switchboard user id.
 */
@Path("admin/billing/customers")
@RolesAllowed(SwitchboardApi.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class BillingAdminResource {

    @Inject
    StripeCustomers customers;

    @POST
    @Path("{userKey}")
    public String findOrCreate(@PathParam("userKey") String userKey, @QueryParam("email") String email) {
        StripeCustomers.Customer c = customers.findOrCreate(userKey, email);
        return Jsons.createObjectBuilder()
                .add("userKey", c.userKey())
                .add("customerId", c.customerId())
                .add("created", c.created())
                .add("hasPaymentMethod", c.hasPaymentMethod())
                .build().toString();
    }
}
