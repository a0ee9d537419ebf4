package dev.switchboard.stripe.control;

import dev.switchboard.accounts.control.AccountLinkingException;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.stripe.entity.StripeCustomer;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;

/**
 * The Stripe customer of a billed user: the local table first, then Stripe's search by
 * {@code metadata['user_id']}, then a new customer. The user's row is locked (inserted first when new)
 * for the whole lookup, so concurrent callers — on any node — create one customer, never two; the
 * create also carries an idempotency key for the case where Stripe's answer is lost.
 */
@Stateless
public class StripeCustomers {

    private static final int ATTEMPTS = 5;

    @Inject
    StripeCustomerRows rows;

    @Inject
    PlatformClients clients;

    @Resource
    SessionContext context;

    /** The customer, and whether this call created it at Stripe. */
    public record Customer(String userKey, String customerId, boolean created, boolean hasPaymentMethod) {
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Customer findOrCreate(String userKey, String email) {
        StripeCustomers self = context.getBusinessObject(StripeCustomers.class);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Customer> customer = self.lockedFindOrCreate(userKey, email);
            if (customer.isPresent()) {
                return customer.get();
            }
            // another caller inserted the row first: it holds it until its customer is stored; ask again
        }
        throw new AccountLinkingException(503, "the Stripe customer could not be settled; try again");
    }

    /** Empty when a concurrent caller won the insert of this user's row (this transaction then rolls back). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Customer> lockedFindOrCreate(String userKey, String email) {
        Instant now = Instant.now();
        Optional<StripeCustomer> locked = rows.lockedOrInserted(userKey, email, now);
        if (locked.isEmpty()) {
            context.setRollbackOnly();
            return Optional.empty();
        }
        StripeCustomer row = locked.get();
        // a deleted customer stays deleted at Stripe: the user gets a new one, found or created below
        if (row.getCustomerId() != null && !row.isDeleted()) {
            return Optional.of(new Customer(userKey, row.getCustomerId(), false, row.hasPaymentMethod()));
        }
        StripeApi stripe = clients.stripe();
        String auth = StripeKey.bearer();
        boolean created = false;
        String customerId;
        try (Response search = stripe.searchCustomers(auth, StripeApi.userIdQuery(userKey), 1, null)) {
            requireOk(search, "search customers");
            JsonArray found = search.readEntity(JsonObject.class).getJsonArray("data");
            customerId = found.isEmpty() ? null : found.getJsonObject(0).getString("id");
        }
        if (customerId == null) {
            Form form = new Form().param("metadata[user_id]", userKey);
            if (email != null) {
                form.param("email", email);
            }
            // after a deletion the key names the deleted customer: Stripe would answer the old create for 24 h
            String key = "switchboard-customer-" + userKey + (row.isDeleted() ? "-after-" + row.getCustomerId() : "");
            try (Response create = stripe.createCustomer(auth, key, form)) {
                requireOk(create, "create a customer");
                customerId = create.readEntity(JsonObject.class).getString("id");
                created = true;
            }
        }
        row.customer(customerId, now);
        try (Response methods = stripe.paymentMethods(auth, customerId, null, 1, null)) {
            requireOk(methods, "list payment methods");
            row.paymentMethod(!methods.readEntity(JsonObject.class).getJsonArray("data").isEmpty(), now);
        }
        return Optional.of(new Customer(userKey, customerId, created, row.hasPaymentMethod()));
    }

    private static void requireOk(Response response, String what) {
        if (response.getStatus() != 200) {
            throw new AccountLinkingException(502, "Stripe would not " + what + " (HTTP " + response.getStatus() + ")");
        }
    }
}
