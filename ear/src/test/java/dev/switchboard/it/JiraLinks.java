package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.UUID;

/** Atlassian's side of linking a Jira account (3LO): token, {@code /me} and the sites the token reaches. */
final class JiraLinks {

    private JiraLinks() {
    }

    /** Stubs the exchange of {@code code} for {@code accessToken}, whose owner is {@code accountId} on one site. */
    static void stub(String code, String accessToken, String accountId, String cloudId, String site) {
        WireMockServer stubs = ProviderStubs.start();
        stubs.stubFor(post(urlPathEqualTo("/atlassian-auth/oauth/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"expires_in\":3600,\"token_type\":\"Bearer\","
                        + "\"refresh_token\":\"atl-refresh-" + UUID.randomUUID() + "\",\"scope\":\"read:jira-work offline_access\"}")));
        stubs.stubFor(get(urlPathEqualTo("/atlassian-api/me")).withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"account_type\":\"atlassian\",\"account_id\":\"" + accountId + "\",\"email\":\"mia@acme.com\","
                        + "\"name\":\"Mia Krystof\",\"nickname\":\"mia\",\"account_status\":\"active\"}")));
        stubs.stubFor(get(urlPathEqualTo("/atlassian-api/oauth/token/accessible-resources"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("[{\"id\":\"" + cloudId + "\",\"url\":\"" + site + "\",\"name\":\"acme\","
                        + "\"scopes\":[\"read:jira-work\"],\"avatarUrl\":\"https://site-admin-avatar-cdn.prod.public.atl-paas.net/avatars/240/flag.png\"}]")));
    }
}
