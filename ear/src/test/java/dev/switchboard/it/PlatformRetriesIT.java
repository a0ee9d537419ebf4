package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GitHub's retry policy as the stub sees it, through the installation check of the deployed EAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformRetriesIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String REPOS = "/github-api/installation/repositories";
    private static final String OK = "{\"total_count\":1,\"repositories\":[{\"id\":1296269,\"full_name\":\"acme/api\"}]}";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    /** An installation whose token the stub mints; returns the token its calls will carry. */
    static String installation(long id) {
        String token = "ghs_" + UUID.randomUUID().toString().replace("-", "");
        STUBS.stubFor(post(urlPathEqualTo("/github-api/app/installations/" + id + "/access_tokens"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"" + token + "\",\"expires_at\":\"" + Instant.now().plusSeconds(3600)
                                + "\",\"permissions\":{\"issues\":\"write\"},\"repository_selection\":\"all\"}")));
        return token;
    }

    private static HttpResponse<String> verify(long id) {
        return Server.postEmpty("/api/admin/github/installations/" + id + "/verify", AdminTokens.admin());
    }

    private static int calls(String token) {
        return STUBS.findAll(getRequestedFor(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))).size();
    }

    private static long id() {
        return 9_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
    }

    private static ResponseDefinitionBuilder error(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    @Test
    void transientServerErrorsAreRetriedUntilTheCallSucceeds() {
        long id = id();
        String token = installation(id);
        String scenario = "flaky-" + id;
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
                .willReturn(error(503, "{\"message\":\"Service Unavailable\"}")));
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(scenario).whenScenarioStateIs("second").willSetStateTo("third")
                .willReturn(error(502, "{\"message\":\"Server Error\"}")));
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(scenario).whenScenarioStateIs("third").willReturn(okJson(OK)));
        HttpResponse<String> r = verify(id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(calls(token)).isEqualTo(3);
    }

    @Test
    void aPersistentServerErrorIsTriedFourTimesInAll() {
        long id = id();
        String token = installation(id);
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(error(500, "{\"message\":\"Server Error\"}")));
        assertThat(verify(id).statusCode()).isEqualTo(502);
        assertThat(calls(token)).as("one call and GitHub's three retries").isEqualTo(4);
    }

    @Test
    void aNotFoundIsNeverRetried() {
        long id = id();
        String token = installation(id);
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(error(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        assertThat(verify(id).statusCode()).isEqualTo(502);
        assertThat(calls(token)).isEqualTo(1);
    }

    @Test
    void theSecondaryRateLimitIsWaitedOutThenTheCallSucceeds() {
        long id = id();
        String token = installation(id);
        String scenario = "secondary-" + id;
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("lifted")
                .willReturn(error(403, "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes "
                        + "before you try again.\",\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}")
                        .withHeader("Retry-After", "1")));
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .inScenario(scenario).whenScenarioStateIs("lifted").willReturn(okJson(OK)));
        long started = System.nanoTime();
        HttpResponse<String> r = verify(id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(calls(token)).isEqualTo(2);
        assertThat((System.nanoTime() - started) / 1_000_000).as("waited the Retry-After").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aLongRetryAfterIsRescheduledNotSlept() {
        long id = id();
        String token = installation(id);
        STUBS.stubFor(get(urlPathEqualTo(REPOS)).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(error(429, "{\"message\":\"API rate limit exceeded\"}").withHeader("Retry-After", "120")));
        HttpResponse<String> r = verify(id);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        assertThat(Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow())).isGreaterThanOrEqualTo(120);
        assertThat(calls(token)).isEqualTo(1);
    }
}
