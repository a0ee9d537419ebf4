package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Instant;

/**
 * The outside world for the test server: one WireMock on 127.0.0.1:8089 standing in for GitHub, GitLab,
 * Bitbucket, Slack and Atlassian (the server's base URLs point there; see the failsafe environment in
 * ear/pom.xml). Stubs answer in each provider's documented wire format.
 */
public final class ProviderStubs {

    public static final int PORT = 8089;
    private static WireMockServer server;

    private ProviderStubs() {
    }

    public static synchronized WireMockServer start() {
        if (server == null) {
            server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").port(PORT)
                    .extensions(new PostedComments(() -> server))
                    .containerThreads(40));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
            sampleWorld(server);
        }
        return server;
    }

    /**
     * For {@link Sample#githubMention}: octocat may write to the repository, comments on the issue are taken, and
     * listing them shows those posted ({@link PostedComments}).
     */
    public static void octocatMayWrite(String fullName, int number) {
        start().stubFor(get(urlPathEqualTo(commentsOn(fullName, number)))
                .willReturn(aResponse().withTransformers(PostedComments.NAME)));
        start().stubFor(get(urlPathEqualTo("/github-api/repos/" + fullName + "/collaborators/octocat/permission"))
                .willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"write\"}")));
        start().stubFor(post(urlPathEqualTo(commentsOn(fullName, number))).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":" + number + "}")));
    }

    /** Where GitHub takes comments on the issue. */
    public static String commentsOn(String fullName, int number) {
        return "/github-api/repos/" + fullName + "/issues/" + number + "/comments";
    }

    /**
     * GitHub as {@link Sample#githubIssueComment} meets it: installation 4242 mints tokens, octocat (id 1, linked
     * to no Switchboard account) may write to acme/api, and comments on acme/api#7 are taken — so a sample
     * mention ends IGNORED with a comment asking octocat to connect an account.
     */
    private static void sampleWorld(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/github-api/app/installations/4242/access_tokens"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"token\":\"ghs_sample4242\",\"expires_at\":\"" + Instant.now().plusSeconds(86_400)
                                + "\",\"repository_selection\":\"all\"}")));
        server.stubFor(get(urlPathEqualTo("/github-api/repos/acme/api/collaborators/octocat/permission"))
                .willReturn(okJson("{\"permission\":\"write\",\"role_name\":\"write\"}")));
        server.stubFor(post(urlPathEqualTo("/github-api/repos/acme/api/issues/7/comments"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":1}")));
    }
}
