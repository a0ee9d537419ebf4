package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.switchboard.it.WebhookIntakeIT.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Token refresh under the row lock, the 401 retry, refused refresh tokens, key rotation, GitHub App tokens. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TokenRefreshIT {

    private static final WireMockServer STUBS = ProviderStubs.start();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    private static String linkGitLab(String tag, String accessToken, String refreshToken, int expiresIn, long gitlabId) {
        return GitLabLinks.link(tag, accessToken, refreshToken, expiresIn, gitlabId);
    }

    private static String identity(long gitlabId) {
        return GitLabLinks.identity(gitlabId);
    }

    private static void stubRefresh(String oldRefresh, String newAccess, String newRefresh, long gitlabId, int delayMs) {
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + oldRefresh))
                .willReturn(okJson("{\"access_token\":\"" + newAccess + "\",\"token_type\":\"Bearer\",\"expires_in\":7200,"
                        + "\"refresh_token\":\"" + newRefresh + "\",\"scope\":\"api read_user\"}").withFixedDelay(delayMs)));
        STUBS.stubFor(get(urlPathEqualTo("/gitlab/api/v4/user")).withHeader("Authorization", equalTo("Bearer " + newAccess))
                .willReturn(okJson(identity(gitlabId))));
    }

    private static int refreshesWith(String refreshToken) {
        return STUBS.findAll(postRequestedFor(urlPathEqualTo("/gitlab/oauth/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=" + refreshToken))).size();
    }

    @Test
    void twentyConcurrentCallersOfAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
        String tag = unique();
        long id = id();
        String oldRefresh = "glrt-old-" + tag;
        String bearer = linkGitLab(tag, "gloat-short-" + tag, oldRefresh, 1, id);
        stubRefresh(oldRefresh, "gloat-new-" + tag, "glrt-new-" + tag, id, 400);
        Thread.sleep(1500); // the one-second token is now past its expiry

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(pool.submit(() -> {
                start.await();
                return Server.get("/api/me/accounts/gitlab/identity", bearer);
            }));
        }
        start.countDown();
        for (Future<HttpResponse<String>> call : calls) {
            HttpResponse<String> r = call.get();
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r.body()).getString("login")).isEqualTo("u" + id);
        }
        pool.shutdown();
        assertThat(refreshesWith(oldRefresh)).isEqualTo(1);
        Map<String, Object> row = Tokens.linkedAccount("gitlab", String.valueOf(id));
        assertThat(((java.sql.Timestamp) row.get("access_token_expires_at")).toInstant()).isAfter(Instant.now().plusSeconds(3600));
        Tokens.assertNoPlaintext("gloat-new-" + tag, "glrt-new-" + tag);
    }

    @Test
    void a401FromTheProviderRefreshesOnceAndRetries() {
        String tag = unique();
        long id = id();
        String oldAccess = "gloat-revoked-" + tag;
        String oldRefresh = "glrt-a-" + tag;
        String bearer = linkGitLab(tag, oldAccess, oldRefresh, 7200, id);
        // the provider has stopped accepting the (not yet expired) token
        STUBS.stubFor(get(urlPathEqualTo("/gitlab/api/v4/user")).withHeader("Authorization", equalTo("Bearer " + oldAccess))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"message\":\"401 Unauthorized\"}")));
        stubRefresh(oldRefresh, "gloat-b-" + tag, "glrt-b-" + tag, id, 0);

        HttpResponse<String> r = Server.get("/api/me/accounts/gitlab/identity", bearer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(refreshesWith(oldRefresh)).isEqualTo(1);
        assertThat(STUBS.findAll(getRequestedFor(urlPathEqualTo("/gitlab/api/v4/user"))
                .withHeader("Authorization", equalTo("Bearer gloat-b-" + tag)))).hasSize(1);
    }

    @Test
    void aRefusedRefreshTokenFlagsTheAccountAndKeepsItsTokens() {
        String tag = unique();
        long id = id();
        String oldRefresh = "glrt-dead-" + tag;
        String bearer = linkGitLab(tag, "gloat-dead-" + tag, oldRefresh, 1, id);
        STUBS.stubFor(post(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("refresh_token=" + oldRefresh))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is invalid, "
                                + "expired, revoked, does not match the redirection URI used in the authorization request, "
                                + "or was issued to another client.\"}")));
        Database.sleep(1500);
        Map<String, Object> before = Tokens.linkedAccount("gitlab", String.valueOf(id));

        HttpResponse<String> r = Server.get("/api/me/accounts/gitlab/identity", bearer);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(json(r.body()).getString("relink")).isEqualTo("/api/oauth/gitlab/authorize");

        Map<String, Object> after = Tokens.linkedAccount("gitlab", String.valueOf(id));
        assertThat(after.get("status")).isEqualTo("NEEDS_RELINK");
        assertThat((String) after.get("status_reason")).contains("invalid_grant");
        assertThat(after.get("access_token")).isEqualTo(before.get("access_token"));
        assertThat(after.get("refresh_token")).isEqualTo(before.get("refresh_token"));
        assertThat(Server.get("/api/me/accounts", bearer).body()).contains("NEEDS_RELINK");
        // asking again does not hammer the provider with a refresh token it refused
        assertThat(Server.get("/api/me/accounts/gitlab/identity", bearer).statusCode()).isEqualTo(409);
        assertThat(refreshesWith(oldRefresh)).isEqualTo(1);
    }

    @Test
    void rotationReencryptsEverythingUnderTheNewKeyAndTheOldOneCanThenGo() {
        String tag = unique();
        long id = id();
        String bearer = linkGitLab(tag, "gloat-rot-" + tag, "glrt-rot-" + tag, 7200, id);
        assertThat((String) Tokens.linkedAccount("gitlab", String.valueOf(id)).get("access_token")).startsWith("v1.k1.");
        String k1 = "k1:" + System.getProperty("switchboard.it.key1");
        String k2 = "k2:" + System.getProperty("switchboard.it.key2");
        try {
            setKeys(k2 + "," + k1);
            HttpResponse<String> r = Server.postEmpty("/api/admin/tokens/reencrypt", AdminTokens.admin());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r.body()).getString("keyId")).isEqualTo("k2");
            assertThat(json(r.body()).getInt("rowsReencrypted")).isGreaterThanOrEqualTo(1);
            assertThat((String) Tokens.linkedAccount("gitlab", String.valueOf(id)).get("access_token")).startsWith("v1.k2.");
            assertThat(json(Server.postEmpty("/api/admin/tokens/reencrypt", AdminTokens.admin()).body())
                    .getInt("rowsReencrypted")).as("a second run finds nothing left").isZero();

            setKeys(k2); // k1 retired: everything still decrypts
            assertThat(Server.get("/api/me/accounts/gitlab/identity", bearer).statusCode()).isEqualTo(200);

            setKeys(k1); // a key that was never configured for these rows: a clear error, no secret
            HttpResponse<String> broken = Server.get("/api/me/accounts/gitlab/identity", bearer);
            assertThat(broken.statusCode()).isEqualTo(500);
            assertThat(json(broken.body()).getString("error")).contains("k2");
            assertThat(broken.body()).doesNotContain(System.getProperty("switchboard.it.key1"))
                    .doesNotContain(System.getProperty("switchboard.it.key2"));
        } finally {
            setKeys(k2 + "," + k1);
        }
        assertThat(Server.postEmpty("/api/admin/tokens/reencrypt", AdminTokens.user("nobody")).statusCode()).isEqualTo(403);
    }

    @Test
    void githubAppInstallationTokensAreCachedAndMintedAgainCloseToExpiry() throws Exception {
        long installation = 4_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000L);
        String path = "/github-api/app/installations/" + installation + "/access_tokens";
        STUBS.stubFor(post(urlPathEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"token\":\"ghs_" + unique() + "\",\"expires_at\":\"" + Instant.now().plusSeconds(3600)
                        + "\",\"permissions\":{\"issues\":\"write\",\"pull_requests\":\"write\"},\"repository_selection\":\"selected\"}")));
        STUBS.stubFor(get(urlPathEqualTo("/github-api/installation/repositories"))
                .willReturn(okJson("{\"total_count\":2,\"repositories\":[{\"id\":1296269,\"full_name\":\"acme/api\"}]}")));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = Server.postEmpty("/api/admin/github/installations/" + installation + "/verify", AdminTokens.admin());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(json(r.body()).getInt("repositories")).isEqualTo(2);
            assertThat(r.body()).doesNotContain("ghs_");
        }
        var mints = STUBS.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertThat(mints).as("cached after the first mint").hasSize(1);

        SignedJWT jwt = SignedJWT.parse(mints.get(0).getHeader("Authorization").substring("Bearer ".length()));
        assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("12345");
        long lifetime = jwt.getJWTClaimsSet().getExpirationTime().getTime() - jwt.getJWTClaimsSet().getIssueTime().getTime();
        assertThat(lifetime).isLessThanOrEqualTo(600_000);
        assertThat(jwt.getJWTClaimsSet().getIssueTime().toInstant()).isBefore(Instant.now().minusSeconds(30));
        assertThat(mints.get(0).getHeader("Accept")).isEqualTo("application/vnd.github+json");

        long shortLived = installation + 1;
        String shortPath = "/github-api/app/installations/" + shortLived + "/access_tokens";
        STUBS.stubFor(post(urlPathEqualTo(shortPath)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"token\":\"ghs_" + unique() + "\",\"expires_at\":\"" + Instant.now().plusSeconds(240)
                        + "\",\"permissions\":{\"issues\":\"write\"},\"repository_selection\":\"all\"}")));
        Server.postEmpty("/api/admin/github/installations/" + shortLived + "/verify", AdminTokens.admin());
        Server.postEmpty("/api/admin/github/installations/" + shortLived + "/verify", AdminTokens.admin());
        assertThat(STUBS.findAll(postRequestedFor(urlPathEqualTo(shortPath))))
                .as("a token with under five minutes left is minted again").hasSize(2);
        Tokens.assertNoPlaintext("ghs_");
    }

    @AfterAll
    static void noSecretReachedTheLog() {
        ServerLog.containsNone("gloat-", "glrt-", "ghs_", "gloas-it-gitlab-client-secret",
                System.getProperty("switchboard.it.key1"), System.getProperty("switchboard.it.key2"));
    }

    private static void setKeys(String value) {
        Server.asadmin("set-config-property", "--source=domain", "--propertyName=token.encryption.keys",
                "--propertyValue=" + value);
    }

    private static RSAPublicKey publicKey() throws Exception {
        String pem = Files.readString(Path.of(System.getProperty("switchboard.keys"), "jwt-public.pem"));
        byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
    }

    private static long id() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "");
    }
}
