package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;

/** A Switchboard user with a linked GitLab account, made through the real OAuth flow against the stubs. */
final class GitLabLinks {

    private GitLabLinks() {
    }

    /** Links a GitLab account whose access token lives {@code expiresIn} seconds; returns the user's bearer. */
    static String link(String tag, String accessToken, String refreshToken, int expiresIn, long gitlabId) {
        return link(Server.BASE, Server.BASE, tag, accessToken, refreshToken, expiresIn, gitlabId);
    }

    /** The same, the flow started at one server and the provider's redirect answered by another (ClusterIT). */
    static String link(URI startAt, URI callbackAt, String tag, String accessToken, String refreshToken, int expiresIn,
            long gitlabId) {
        String code = "code-" + tag;
        ProviderStubs.start().stubFor(post(urlPathEqualTo("/gitlab/oauth/token")).withRequestBody(containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + expiresIn + ",\"refresh_token\":\"" + refreshToken + "\",\"scope\":\"api read_user\"}")));
        ProviderStubs.start().stubFor(get(urlPathEqualTo("/gitlab/api/v4/user"))
                .withHeader("Authorization", equalTo("Bearer " + accessToken)).willReturn(okJson(identity(gitlabId))));
        String bearer = AdminTokens.user("it-gitlab-" + tag);
        HttpResponse<String> linked = OAuthFlow.start(startAt, "gitlab", bearer, null).callbackAt(callbackAt, code);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        return bearer;
    }

    static String identity(long gitlabId) {
        return "{\"id\":" + gitlabId + ",\"username\":\"u" + gitlabId + "\",\"name\":\"GitLab Tester\"}";
    }
}
