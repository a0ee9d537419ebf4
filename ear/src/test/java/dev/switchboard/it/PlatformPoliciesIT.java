package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe's and GitLab's retry policies observed at the stubs, through the operations that call them (the
 * billing customer lookup, the GitLab hook sync). GitHub's are in PlatformRetriesIT, Slack's in SlackClientIT.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformPoliciesIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String SEARCH = "/stripe/v1/customers/search";
    private static final String GITLAB_PROJECTS = "/gitlab/api/v4/projects";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    private static String userKey() {
        return "github:policy-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> settle(String userKey) {
        return Server.postEmpty("/api/admin/billing/customers/" + URLEncoder.encode(userKey, StandardCharsets.UTF_8),
                AdminTokens.admin());
    }

    private static void stubSearch(String userKey, String scenario, String state, String next,
            ResponseDefinitionBuilder answer) {
        STUBS.stubFor(get(urlPathEqualTo(SEARCH)).withQueryParam("query", equalTo("metadata['user_id']:'" + userKey + "'"))
                .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo(next).willReturn(answer));
    }

    private static int searches(String userKey) {
        return STUBS.findAll(getRequestedFor(urlPathEqualTo(SEARCH))
                .withQueryParam("query", equalTo("metadata['user_id']:'" + userKey + "'"))).size();
    }

    /** Stripe's error envelope, as its API documents it. */
    private static ResponseDefinitionBuilder stripeError(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 12))
                .withBody("{\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}");
    }

    @Test
    void stripeServerErrorsAreRetriedTwice() {
        String userKey = userKey();
        String customer = "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        String scenario = "stripe-flaky-" + userKey;
        stubSearch(userKey, scenario, Scenario.STARTED, "second", stripeError(500, "api_error", "Something went wrong"));
        stubSearch(userKey, scenario, "second", "third", stripeError(503, "api_error", "Service unavailable"));
        stubSearch(userKey, scenario, "third", "third", okJson("{\"object\":\"search_result\",\"has_more\":false,"
                + "\"next_page\":null,\"data\":[{\"id\":\"" + customer + "\",\"object\":\"customer\"}]}"));
        STUBS.stubFor(get(urlPathEqualTo("/stripe/v1/payment_methods")).withQueryParam("customer", equalTo(customer))
                .willReturn(okJson("{\"object\":\"list\",\"has_more\":false,\"data\":[]}")));
        HttpResponse<String> r = settle(userKey);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(searches(userKey)).as("the call and Stripe's two retries").isEqualTo(3);
    }

    @Test
    void stripeShouldRetryFalseIsObeyed() {
        String userKey = userKey();
        stubSearch(userKey, "no-retry-" + userKey, Scenario.STARTED, Scenario.STARTED,
                stripeError(500, "api_error", "Something went wrong").withHeader("Stripe-Should-Retry", "false"));
        assertThat(settle(userKey).statusCode()).isEqualTo(502);
        assertThat(searches(userKey)).isEqualTo(1);
    }

    @Test
    void stripeInvalidRequestsAreNeverRetried() {
        String userKey = userKey();
        stubSearch(userKey, "invalid-" + userKey, Scenario.STARTED, Scenario.STARTED,
                stripeError(400, "invalid_request_error", "Invalid search query"));
        HttpResponse<String> r = settle(userKey);
        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.body()).doesNotContain("sk_test");
        assertThat(searches(userKey)).isEqualTo(1);
    }

    @Test
    void aResetCreateIsRepeatedOnlyByThePolicyAndAlwaysWithTheSameIdempotencyKey() {
        String userKey = userKey();
        stubSearch(userKey, "reset-" + userKey, Scenario.STARTED, Scenario.STARTED, okJson(
                "{\"object\":\"search_result\",\"has_more\":false,\"next_page\":null,\"data\":[]}"));
        STUBS.stubFor(post(urlPathEqualTo("/stripe/v1/customers")).withHeader("Idempotency-Key",
                equalTo("switchboard-customer-" + userKey)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        HttpResponse<String> r = settle(userKey);
        assertThat(r.statusCode()).as(r.body()).isGreaterThanOrEqualTo(500);
        // the JDK's HttpURLConnection would resend a reset POST once on its own; the domain turns that off
        // (sun.net.http.retryPost=false) so that only the policy repeats a request, with its idempotency key
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo("/stripe/v1/customers"))
                .withHeader("Idempotency-Key", equalTo("switchboard-customer-" + userKey))))
                .as("the call and Stripe's two retries, each sent once").hasSize(3);
    }

    @Test
    void gitLabServerErrorsAreNotRetriedAsTheSeedsTableSays() {
        String tag = UUID.randomUUID().toString().replace("-", "");
        long user = 6_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String token = "gloat-policy-" + tag;
        String bearer = GitLabLinks.link(tag, token, "glrt-policy-" + tag, 7200, user);
        STUBS.stubFor(get(urlPathEqualTo(GITLAB_PROJECTS)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"500 Internal Server Error\"}")));
        HttpResponse<String> r = Server.postEmpty("/api/gitlab/webhooks/sync", bearer);
        assertThat(r.statusCode()).as(r.body()).isGreaterThanOrEqualTo(500);
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo(GITLAB_PROJECTS))
                .withHeader("Authorization", equalTo("Bearer " + token)))).hasSize(1);
    }
}
