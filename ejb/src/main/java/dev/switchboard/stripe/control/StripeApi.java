package dev.switchboard.stripe.control;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * Stripe's API, relative to STRIPE_API_URL ({@code stripe.api.url}, default {@code https://api.stripe.com});
 * the version is part of each path. Injected clients read {@code stripe/mp-rest/url}, which the config
 * module's defaults set from {@code stripe.api.url}; Switchboard builds its clients through
 * {@code PlatformClients}.
 * <p>
 * Stripe takes form-encoded bodies with bracketed keys ({@code metadata[user_id]=github:octocat}).
 * {@code authorization} is {@code "Bearer " + STRIPE_API_KEY}. Lists paginate with {@code has_more} and
 * {@code starting_after}, search with {@code next_page} ({@code StripePages}).
 */
@RegisterRestClient(configKey = "stripe")
@Produces(MediaType.APPLICATION_JSON)
public interface StripeApi {

    /**
     * Customers matching a search query, e.g. {@code metadata['user_id']:'github:octocat'}. Search is
     * eventually consistent (a customer created a moment ago may be missing), which is why the customer
     * service looks in its own table first.
     */
    @GET
    @Path("/v1/customers/search")
    Response searchCustomers(@HeaderParam("Authorization") String authorization, @QueryParam("query") String query,
            @QueryParam("limit") Integer limit, @QueryParam("page") String page);

    /**
     * Creates a customer from {@code email}, {@code metadata[user_id]} and so on. An
     * {@code Idempotency-Key} makes a retried create return the first customer instead of a second one.
     */
    @POST
    @Path("/v1/customers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Response createCustomer(@HeaderParam("Authorization") String authorization,
            @HeaderParam("Idempotency-Key") String idempotencyKey, Form customer);

    /**
     * One customer. A deleted customer is still answered (200) as {@code {"id": …, "object": "customer",
     * "deleted": true}}, without its metadata.
     */
    @GET
    @Path("/v1/customers/{id}")
    Response customer(@HeaderParam("Authorization") String authorization, @PathParam("id") String customerId);

    /** A customer's payment methods; {@code type} may be null for all types. */
    @GET
    @Path("/v1/customers/{id}/payment_methods")
    Response customerPaymentMethods(@HeaderParam("Authorization") String authorization,
            @PathParam("id") String customerId, @QueryParam("type") String type, @QueryParam("limit") Integer limit,
            @QueryParam("starting_after") String startingAfter);

    /** The same listing through {@code /v1/payment_methods?customer=}. */
    @GET
    @Path("/v1/payment_methods")
    Response paymentMethods(@HeaderParam("Authorization") String authorization, @QueryParam("customer") String customerId,
            @QueryParam("type") String type, @QueryParam("limit") Integer limit,
            @QueryParam("starting_after") String startingAfter);

    /** Builds the query that finds a customer by Switchboard's {@code metadata['user_id']}. */
    static String userIdQuery(String userId) {
        if (userId.indexOf('\'') >= 0 || userId.indexOf('\\') >= 0) {
            // Stripe's query language escapes a quote with a backslash
            userId = userId.replace("\\", "\\\\").replace("'", "\\'");
        }
        return "metadata['user_id']:'" + userId + "'";
    }
}
