package dev.switchboard.it;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

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
                    .containerThreads(40));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }
}
