package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak-brokered linking (the seed's deployment) against a stub that answers like Keycloak's token
 * and broker endpoints: the offline token is kept, provider tokens come from the broker.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokeredLinkingIT {

    private static final WireMockServer STUBS = ProviderStubs.start();
    private static final String REALM = "/keycloak/realms/switchboard";
    private static final String[] SETTINGS = {"keycloak.server.url=http://127.0.0.1:8089/keycloak",
            "keycloak.realm.name=switchboard", "keycloak.client.secret=it-keycloak-client-secret",
            "brokered.providers=github"};

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @BeforeAll
    static void brokerGitHubThroughKeycloak() {
        for (String setting : SETTINGS) {
            int eq = setting.indexOf('=');
            Server.asadmin("set-config-property", "--source=domain", "--propertyName=" + setting.substring(0, eq),
                    "--propertyValue=" + setting.substring(eq + 1));
        }
    }

    @AfterAll
    static void backToDirectLinking() {
        for (String setting : SETTINGS) {
            Server.asadmin("delete-config-property", "--source=domain", "--propertyName=" + setting.substring(0, setting.indexOf('=')));
        }
        ServerLog.containsNone("kc-offline-", "kc-at-", "gho_", "it-keycloak-client-secret");
    }

    /** Links through the stubbed Keycloak; returns the bearer of the Switchboard user. */
    private static String link(String tag, long githubId, String offline, String githubToken) {
        String code = "kc-code-" + tag;
        String keycloakAccess = "kc-at-" + tag;
        STUBS.stubFor(post(urlPathEqualTo(REALM + "/protocol/openid-connect/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + keycloakAccess + "\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"refresh_token\":\"" + offline + "\",\"token_type\":\"Bearer\",\"not-before-policy\":0,"
                        + "\"session_state\":\"" + UUID.randomUUID() + "\",\"scope\":\"openid offline_access email profile\"}")));
        STUBS.stubFor(get(urlPathEqualTo(REALM + "/broker/github/token")).withHeader("Authorization", equalTo("Bearer " + keycloakAccess))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("access_token=" + githubToken + "&scope=read%3Aorg%2Crepo&token_type=bearer")));
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user")).withHeader("Authorization", equalTo("Bearer " + githubToken))
                .willReturn(okJson("{\"login\":\"brokered-" + githubId + "\",\"id\":" + githubId + ",\"type\":\"User\"}")));

        String bearer = AdminTokens.user("it-broker-" + tag);
        OAuthFlow flow = OAuthFlow.start("github", bearer);
        assertThat(flow.authorizeUrl().toString()).startsWith("http://127.0.0.1:8089" + REALM + "/protocol/openid-connect/auth?");
        assertThat(flow.query()).containsEntry("kc_idp_hint", "github").containsEntry("scope", "openid offline_access")
                .containsEntry("client_id", "switchboard").containsEntry("code_challenge_method", "S256");
        HttpResponse<String> done = flow.callback(code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done.body()).getString("login")).isEqualTo("brokered-" + githubId);
        STUBS.verify(postRequestedFor(urlPathEqualTo(REALM + "/protocol/openid-connect/token"))
                .withRequestBody(containing("code=" + code)).withRequestBody(containing("code_verifier="))
                .withHeader("Authorization", equalTo("Basic " + Base64.getEncoder().encodeToString(
                        "switchboard:it-keycloak-client-secret".getBytes(StandardCharsets.UTF_8)))));
        return bearer;
    }

    @Test
    void linkingKeepsTheOfflineTokenAndTheProviderTokenFromTheBroker() {
        String tag = unique();
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        link(tag, id, "kc-offline-" + tag, "gho_" + tag);
        Map<String, Object> row = Tokens.linkedAccount("github", String.valueOf(id));
        assertThat(row.get("token_source")).isEqualTo("KEYCLOAK");
        assertThat((String) row.get("refresh_token")).startsWith("v1.");
        Tokens.assertNoPlaintext("kc-offline-" + tag, "gho_" + tag);
    }

    @Test
    void aRejectedProviderTokenIsReplacedThroughKeycloakWithTheOfflineToken() {
        String tag = unique();
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String offline = "kc-offline-" + tag;
        String bearer = link(tag, id, offline, "gho_old" + tag);
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user")).withHeader("Authorization", equalTo("Bearer gho_old" + tag))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}")));
        STUBS.stubFor(post(urlPathEqualTo(REALM + "/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("refresh_token=" + offline))
                .willReturn(okJson("{\"access_token\":\"kc-at-2" + tag + "\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"refresh_token\":\"" + offline + "\",\"token_type\":\"Bearer\"}")));
        STUBS.stubFor(get(urlPathEqualTo(REALM + "/broker/github/token")).withHeader("Authorization", equalTo("Bearer kc-at-2" + tag))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("access_token=gho_new" + tag + "&scope=repo&token_type=bearer")));
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user")).withHeader("Authorization", equalTo("Bearer gho_new" + tag))
                .willReturn(okJson("{\"login\":\"brokered-" + id + "\",\"id\":" + id + ",\"type\":\"User\"}")));

        HttpResponse<String> r = Server.get("/api/me/accounts/github/identity", bearer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(REALM + "/protocol/openid-connect/token"))
                .withRequestBody(containing("refresh_token=" + offline)))).hasSize(1);
    }

    @Test
    void anEndedKeycloakSessionAsksTheUserToLinkAgain() {
        String tag = unique();
        long id = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        String offline = "kc-offline-" + tag;
        String bearer = link(tag, id, offline, "gho_gone" + tag);
        STUBS.stubFor(get(urlPathEqualTo("/github-api/user")).withHeader("Authorization", equalTo("Bearer gho_gone" + tag))
                .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"Bad credentials\"}")));
        STUBS.stubFor(post(urlPathEqualTo(REALM + "/protocol/openid-connect/token")).withRequestBody(containing("refresh_token=" + offline))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Offline user session not found\"}")));
        HttpResponse<String> r = Server.get("/api/me/accounts/github/identity", bearer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(Tokens.linkedAccount("github", String.valueOf(id)).get("status")).isEqualTo("NEEDS_RELINK");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
