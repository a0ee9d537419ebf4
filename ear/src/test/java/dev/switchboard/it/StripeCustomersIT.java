package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Stripe customer find-or-create against a stub speaking Stripe's API: one customer per user, always. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class StripeCustomersIT {

    private static final WireMockServer STUBS = ProviderStubs.start();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    private static void stubSearch(String userKey, String result) {
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/customers/search"))
                .withQueryParam("query", equalTo("metadata['user_id']:'" + userKey + "'"))
                .withHeader("Authorization", equalTo("Bearer sk_test_it0stripe0key0000000000"))
                .willReturn(okJson("{\"object\":\"search_result\",\"url\":\"/v1/customers/search\",\"has_more\":false,"
                        + "\"next_page\":null,\"data\":[" + result + "]}")));
    }

    private static void stubPaymentMethods(String customerId, boolean any) {
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/payment_methods")).withQueryParam("customer", equalTo(customerId))
                .willReturn(okJson("{\"object\":\"list\",\"url\":\"/v1/payment_methods\",\"has_more\":false,\"data\":["
                        + (any ? "{\"id\":\"pm_1Q0PsIJvEtkwdCNYMSaVuRz6\",\"object\":\"payment_method\",\"type\":\"card\","
                                + "\"customer\":\"" + customerId + "\"}" : "") + "]}")));
    }

    private static HttpResponse<String> settle(String userKey) {
        return Server.postEmpty("/api/admin/billing/customers/" + URLEncoder.encode(userKey, StandardCharsets.UTF_8)
                + "?email=octo%40example.com", AdminTokens.admin());
    }

    @Test
    void tenConcurrentCallersForOneUserCreateOneCustomer() throws Exception {
        String userKey = "github:octo-" + UUID.randomUUID().toString().substring(0, 8);
        String customerId = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        stubSearch(userKey, "");
        STUBS.stubFor(post(urlPathEqualTo("/stripe/v1/customers"))
                .withRequestBody(containing("metadata%5Buser_id%5D=" + URLEncoder.encode(userKey, StandardCharsets.UTF_8)))
                .willReturn(okJson("{\"id\":\"" + customerId + "\",\"object\":\"customer\",\"email\":\"octo@example.com\","
                        + "\"metadata\":{\"user_id\":\"" + userKey + "\"},\"livemode\":false}").withFixedDelay(300)));
        stubPaymentMethods(customerId, true);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return settle(userKey);
            }));
        }
        start.countDown();
        int created = 0;
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonObject c = json(r.body());
            assertThat(c.getString("customerId")).isEqualTo(customerId);
            assertThat(c.getBoolean("hasPaymentMethod")).isTrue();
            created += c.getBoolean("created") ? 1 : 0;
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        var creates = STUBS.findAll(postRequestedFor(urlPathEqualTo("/stripe/v1/customers"))
                .withRequestBody(containing(URLEncoder.encode(userKey, StandardCharsets.UTF_8))));
        assertThat(creates).hasSize(1);
        assertThat(creates.get(0).getHeader("Idempotency-Key")).isEqualTo("switchboard-customer-" + userKey);
        assertThat(creates.get(0).getBodyAsString()).contains("email=octo%40example.com");
        assertThat(Tokens.row("select * from stripe_customers where user_key = ?", userKey).get("customer_id"))
                .isEqualTo(customerId);
    }

    @Test
    void aCustomerStripeAlreadyHasIsFoundBySearchAndNotCreatedAgain() {
        String userKey = "gitlab:dev-" + UUID.randomUUID().toString().substring(0, 8);
        String customerId = "cus_found" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        stubSearch(userKey, "{\"id\":\"" + customerId + "\",\"object\":\"customer\",\"metadata\":{\"user_id\":\"" + userKey + "\"}}");
        stubPaymentMethods(customerId, false);
        HttpResponse<String> r = settle(userKey);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).getString("customerId")).isEqualTo(customerId);
        assertThat(json(r.body()).getBoolean("created")).isFalse();
        assertThat(json(r.body()).getBoolean("hasPaymentMethod")).isFalse();
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo("/stripe/v1/customers"))
                .withRequestBody(containing(URLEncoder.encode(userKey, StandardCharsets.UTF_8))))).isEmpty();
        assertThat(settle(userKey).statusCode()).as("now from the local table").isEqualTo(200);
        assertThat(Server.postEmpty("/api/admin/billing/customers/x", AdminTokens.user("nobody")).statusCode()).isEqualTo(403);
    }
}
