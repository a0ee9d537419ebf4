package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe's billing events, signed as Stripe signs them, keep {@code stripe_customers} current whatever their
 * order and however often they come; Stripe's API is the stub under {@code /stripe}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StripeBillingIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String API_KEY = "sk_test_it0stripe0key0000000000";
    /** Stripe's event times: the tests order their events from here. */
    private static final long T0 = 1732700000L;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** One user and their Stripe customer, fresh for each test. */
    private record Billed(String userKey, String customerId) {

        static Billed fresh() {
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            return new Billed("github:octo-" + suffix, "cus_it" + suffix);
        }

        Map<String, Object> row() {
            return Tokens.row("select * from stripe_customers where user_key = ?", userKey);
        }
    }

    @Test
    void aCreatedCustomerIsLinkedAndAnAttachedCardCounts() {
        Billed b = Billed.fresh();
        stubPaymentMethods(b.customerId(), true);

        Map<String, Object> created = processed(customerEvent(b, "customer.created", true), "PROCESSED");
        assertThat(created.get("outcome")).isEqualTo("customer " + b.customerId() + " linked to " + b.userKey());
        Map<String, Object> attached = processed(attached(b), "PROCESSED");
        assertThat((String) attached.get("outcome")).endsWith("has a payment method now");

        Map<String, Object> row = b.row();
        assertThat(row.get("customer_id")).isEqualTo(b.customerId());
        assertThat(row.get("email")).isEqualTo("octo@example.com");
        assertThat(row.get("has_payment_method")).isEqualTo(true);
        assertThat(row.get("deleted")).isEqualTo(false);
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo("/stripe/v1/payment_methods"))
                .withQueryParam("customer", equalTo(b.customerId()))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)))).hasSize(1);
        assertThat(customerFetches(b)).as("the event carried the customer").isZero();
    }

    @Test
    void anInvoicePaidBeforeItsCustomerWasCreatedFindsTheUserAtStripe() {
        Billed b = Billed.fresh();
        stubCustomer(b, true);

        Map<String, Object> paid = processed(invoicePaid(b, "in_it" + b.customerId(), T0 + 60), "PROCESSED");
        assertThat((String) paid.get("outcome")).startsWith("customer " + b.customerId() + " linked to " + b.userKey()
                + "; invoice in_it" + b.customerId() + " of ").contains("recorded as paid");
        Map<String, Object> created = processed(customerEvent(b, "customer.created", true), "IGNORED");
        assertThat((String) created.get("outcome")).endsWith("is linked already");

        Map<String, Object> row = b.row();
        assertThat(row.get("customer_id")).isEqualTo(b.customerId());
        assertThat(row.get("invoice_id")).isEqualTo("in_it" + b.customerId());
        assertThat(row.get("invoice_status")).isEqualTo("paid");
        assertThat(row.get("invoice_event_created")).isEqualTo(T0 + 60);
        assertThat(customerFetches(b)).isEqualTo(1);
    }

    @Test
    void theSameEventTwiceHasOneEffect() {
        Billed b = Billed.fresh();
        stubCustomer(b, true);
        Sample paid = invoicePaid(b, "in_once" + b.customerId(), T0 + 5);
        String id = accepted(paid);
        Database.awaitStatus(id, WAIT, "PROCESSED");
        Map<String, Object> first = b.row();

        HttpResponse<String> again = paid.send();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again.body()).getString("id")).isEqualTo(id);
        // a replay processes it a second time: the stored stamp recognises the event
        assertThat(Server.postEmpty("/api/admin/deliveries/" + id + "/replay", AdminTokens.admin()).statusCode())
                .isEqualTo(202);
        Map<String, Object> replayed = Database.awaitStatus(id, WAIT, "IGNORED", "PROCESSED", "DEAD");
        assertThat(replayed.get("status")).isEqualTo("IGNORED");
        assertThat(replayed.get("outcome")).isEqualTo("event " + paid.deliveryId() + " was applied already");
        assertThat(b.row()).isEqualTo(first);
        assertThat(customerFetches(b)).isEqualTo(1);
    }

    @Test
    void anOlderSubscriptionEventAfterANewerOneChangesNothing() {
        Billed b = Billed.fresh();
        processed(customerEvent(b, "customer.created", true), "PROCESSED");
        String subscriptionId = "sub_it" + b.customerId();

        processed(subscriptionEvent(b, subscriptionId, "customer.subscription.updated", T0 + 120, "active"), "PROCESSED");
        Map<String, Object> late = processed(
                subscriptionEvent(b, subscriptionId, "customer.subscription.created", T0 + 100, "incomplete"), "IGNORED");
        assertThat((String) late.get("outcome")).contains("is older than the applied")
                .endsWith("subscription " + subscriptionId + " stays active");

        Map<String, Object> row = b.row();
        assertThat(row.get("subscription_id")).isEqualTo(subscriptionId);
        assertThat(row.get("subscription_status")).isEqualTo("active");
        assertThat(row.get("subscription_event_created")).isEqualTo(T0 + 120);
        processed(subscriptionEvent(b, subscriptionId, "customer.subscription.deleted", T0 + 300, "canceled"), "PROCESSED");
        assertThat(b.row().get("subscription_status")).isEqualTo("canceled");
    }

    @Test
    void aCustomerWithoutUserIdIsIgnoredWithTheReason() {
        Billed b = Billed.fresh();
        stubCustomer(b, false);

        Map<String, Object> created = processed(customerEvent(b, "customer.created", false), "IGNORED");
        assertThat(created.get("outcome"))
                .isEqualTo("customer " + b.customerId() + " has no metadata.user_id: not a Switchboard user");
        Map<String, Object> paid = processed(invoicePaid(b, "in_anon" + b.customerId(), T0), "IGNORED");
        assertThat(paid.get("outcome")).isEqualTo(created.get("outcome"));
        assertThat(Tokens.row("select count(*) as n from stripe_customers where customer_id = ?", b.customerId())
                .get("n")).isEqualTo(0L);
    }

    @Test
    void aDeletedCustomerStaysDeleted() {
        Billed b = Billed.fresh();
        processed(customerEvent(b, "customer.deleted", true), "PROCESSED");
        Map<String, Object> created = processed(customerEvent(b, "customer.created", true), "IGNORED");
        assertThat((String) created.get("outcome")).contains("is deleted");
        assertThat(b.row().get("deleted")).isEqualTo(true);
    }

    @Test
    void aStripeErrorFailsTheDeliveryWithTheStatusAndNoKey() {
        Billed b = Billed.fresh();
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/customers/" + b.customerId())).willReturn(notFound()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"resource_missing\",\"message\":\"No such customer: '"
                        + b.customerId() + "'\",\"param\":\"id\",\"type\":\"invalid_request_error\"}}")));

        Map<String, Object> dead = processed(invoicePaid(b, "in_err" + b.customerId(), T0), "DEAD");
        assertThat((String) dead.get("last_error")).contains("HTTP 404").contains(b.customerId())
                .doesNotContain(API_KEY);
    }

    @Test
    void aLongStripeRateLimitPostponesDeliveriesInsteadOfSleepingOrKillingThem() {
        Billed limited = Billed.fresh();
        Billed waiting = Billed.fresh();
        processed(customerEvent(limited, "customer.created", true), "PROCESSED");
        processed(customerEvent(waiting, "customer.created", true), "PROCESSED");
        String scenario = "stripe-limit-" + limited.customerId();
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/payment_methods")).withQueryParam("customer", equalTo(limited.customerId()))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("lifted")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "12")
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"type\":\"invalid_request_error\","
                                + "\"code\":\"rate_limit\",\"message\":\"Too many requests hit the API too quickly.\"}}")));
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/payment_methods")).withQueryParam("customer", equalTo(limited.customerId()))
                .inScenario(scenario).whenScenarioStateIs("lifted").willReturn(okJson(paymentMethods(limited.customerId(), true))));
        stubPaymentMethods(waiting.customerId(), true);

        String first = accepted(attached(limited));
        Map<String, Object> postponed = Database.awaitStatus(first, WAIT, "FAILED", "PROCESSED", "DEAD");
        assertThat(postponed.get("status")).as(postponed.toString()).isEqualTo("FAILED");
        assertThat((String) postponed.get("last_error")).contains("stripe rate limit");
        assertThat(((Number) postponed.get("attempts")).intValue()).as("a limit uses no attempt").isZero();
        assertThat(paymentMethodCalls(limited)).as("given back, not slept on or retried").isEqualTo(1);

        // Stripe's limit is on the one secret key: every other call waits too, without asking Stripe
        String second = accepted(attached(waiting));
        assertThat(Database.awaitStatus(second, WAIT, "FAILED", "PROCESSED", "DEAD").get("status")).isEqualTo("FAILED");
        assertThat(paymentMethodCalls(waiting)).isZero();
        assertThat(Tokens.row("select * from platform_limits where platform = 'STRIPE' and scope_key = '*'").get("reason"))
                .isEqualTo("Stripe rate limit (Retry-After)");

        assertThat(Database.awaitStatus(first, WAIT, "PROCESSED", "DEAD").get("status")).isEqualTo("PROCESSED");
        assertThat(Database.awaitStatus(second, WAIT, "PROCESSED", "DEAD").get("status")).isEqualTo("PROCESSED");
        assertThat(limited.row().get("has_payment_method")).isEqualTo(true);
        assertThat(waiting.row().get("has_payment_method")).isEqualTo(true);
        assertThat(paymentMethodCalls(limited)).isEqualTo(2);
        assertThat(paymentMethodCalls(waiting)).isEqualTo(1);
    }

    // --- Stripe's side

    private static void stubCustomer(Billed b, boolean withUserId) {
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/customers/" + b.customerId()))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .willReturn(okJson(customerObject(b, withUserId))));
    }

    private static void stubPaymentMethods(String customerId, boolean any) {
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/payment_methods")).withQueryParam("customer", equalTo(customerId))
                .willReturn(okJson(paymentMethods(customerId, any))));
    }

    private static String paymentMethods(String customerId, boolean any) {
        return "{\"object\":\"list\",\"url\":\"/v1/payment_methods\",\"has_more\":false,\"data\":["
                + (any ? "{\"id\":\"pm_1Q0PsIJvEtkwdCNYMSaVuRz6\",\"object\":\"payment_method\",\"type\":\"card\","
                        + "\"customer\":\"" + customerId + "\"}" : "") + "]}";
    }

    private static int paymentMethodCalls(Billed b) {
        return STUBS.findAll(getRequestedFor(urlPathEqualTo("/stripe/v1/payment_methods"))
                .withQueryParam("customer", equalTo(b.customerId()))).size();
    }

    private static Sample attached(Billed b) {
        return event("payment_method.attached", T0 + 10, """
                {"id":"pm_1Q0PsIJvEtkwdCNYMSaVuRz6","object":"payment_method","type":"card",
                 "card":{"brand":"visa","last4":"4242","exp_month":8,"exp_year":2027},
                 "customer":"%s","livemode":false,"metadata":{}}""".formatted(b.customerId()), "");
    }

    private static int customerFetches(Billed b) {
        return STUBS.findAll(getRequestedFor(urlPathEqualTo("/stripe/v1/customers/" + b.customerId()))).size();
    }

    private static String customerObject(Billed b, boolean withUserId) {
        return """
                {"id":"%s","object":"customer","address":null,"balance":0,"created":%d,"currency":null,
                 "delinquent":false,"description":null,"email":"octo@example.com","invoice_prefix":"IT%s",
                 "livemode":false,"metadata":{%s},"name":"Octo","phone":null,"preferred_locales":[],
                 "tax_exempt":"none","test_clock":null}""".formatted(b.customerId(), T0,
                b.customerId().substring(6, 10).toUpperCase(), withUserId ? "\"user_id\":\"" + b.userKey() + "\"" : "");
    }

    private static Sample customerEvent(Billed b, String type, boolean withUserId) {
        return event(type, T0, customerObject(b, withUserId), "");
    }

    private static Sample invoicePaid(Billed b, String invoiceId, long created) {
        return event("invoice.paid", created, """
                {"id":"%s","object":"invoice","amount_due":2000,"amount_paid":2000,"amount_remaining":0,
                 "attempt_count":1,"attempted":true,"billing_reason":"subscription_cycle",
                 "collection_method":"charge_automatically","currency":"usd","customer":"%s",
                 "livemode":false,"metadata":{},"paid":true,"status":"paid","total":2000}"""
                .formatted(invoiceId, b.customerId()), "");
    }

    private static Sample subscriptionEvent(Billed b, String subscriptionId, String type, long created, String status) {
        return event(type, created, """
                {"id":"%s","object":"subscription","cancel_at_period_end":false,"collection_method":"charge_automatically",
                 "created":%d,"currency":"usd","customer":"%s","livemode":false,"metadata":{},"status":"%s",
                 "items":{"object":"list","data":[],"has_more":false,"total_count":1}}"""
                .formatted(subscriptionId, T0, b.customerId(), status),
                type.endsWith(".updated") ? ",\"previous_attributes\":{\"status\":\"incomplete\"}" : "");
    }

    /** A Stripe event around {@code object}, signed now; its id is the delivery id. */
    private static Sample event(String type, long created, String object, String moreData) {
        String eventId = "evt_it" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        byte[] body = Sample.utf8("""
                {"id":"%s","object":"event","api_version":"2024-06-20","created":%d,
                 "data":{"object":%s%s},"livemode":false,"pending_webhooks":1,
                 "request":{"id":null,"idempotency_key":null},"type":"%s"}
                """.formatted(eventId, created, object, moreData, type));
        return new Sample("stripe", "/api/webhooks/stripe", eventId, Signed.stripe(body, Signed.now()), body);
    }

    // --- Switchboard's side

    private static String accepted(Sample sample) {
        HttpResponse<String> response = sample.send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response.body()).getString("id");
    }

    /** Sends the event, waits for its delivery to finish and checks the status; returns the delivery's row. */
    private static Map<String, Object> processed(Sample sample, String status) {
        Map<String, Object> row = Database.awaitStatus(accepted(sample), WAIT, "PROCESSED", "IGNORED", "DEAD");
        assertThat(row.get("status")).as(row.toString()).isEqualTo(status);
        return row;
    }
}
