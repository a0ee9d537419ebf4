package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A Switchboard user with a linked GitHub account, made through the real OAuth flow against the stubs. */
final class GitHubLinks {

    private GitHubLinks() {
    }

    /** Links GitHub account (login, id) to the Switchboard user; returns the account's access token. */
    static String link(String switchboardUser, String login, long githubId) {
        return link(Server.BASE, switchboardUser, login, githubId);
    }

    /** The same at another server than the test server (WildFlyIT). */
    static String link(URI base, String switchboardUser, String login, long githubId) {
        String code = "gh-code-" + UUID.randomUUID();
        String accessToken = "ghu_" + UUID.randomUUID().toString().replace("-", "");
        ProviderStubs.start().stubFor(post(urlPathEqualTo("/github/login/oauth/access_token"))
                .withRequestBody(containing("code=" + code))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-www-form-urlencoded")
                        .withBody("access_token=" + accessToken + "&expires_in=28800&refresh_token=ghr_x" + githubId
                                + "&refresh_token_expires_in=15811200&scope=&token_type=bearer")));
        ProviderStubs.start().stubFor(get(urlPathEqualTo("/github-api/user"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken))
                .willReturn(okJson("{\"login\":\"" + login + "\",\"id\":" + githubId + ",\"type\":\"User\"}")));
        HttpResponse<String> done = OAuthFlow.start(base, "github", AdminTokens.user(switchboardUser), null).callbackAt(base, code);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        return accessToken;
    }
}
