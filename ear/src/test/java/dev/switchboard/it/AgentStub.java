package dev.switchboard.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The agent server as WireMock plays it under {@code /agent}, and its signed pushes to Switchboard. */
final class AgentStub {

    static final String KEY = "it-agent-key";
    static final String CALLBACK_SECRET = "it-agent-callback-secret";

    private AgentStub() {
    }

    /** The next conversation started on the repository gets this id. */
    static String conversationFor(String repository) {
        String id = "conv" + UUID.randomUUID().toString().replace("-", "");
        ProviderStubs.start().stubFor(post(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.repository", equalTo(repository)))
                .willReturn(okJson("{\"status\":\"ok\",\"conversation_id\":\"" + id + "\"}")));
        return id;
    }

    static List<LoggedRequest> started(String repository) {
        return ProviderStubs.start().findAll(postRequestedFor(urlPathEqualTo("/agent/api/conversations"))
                .withRequestBody(matchingJsonPath("$.repository", equalTo(repository))));
    }

    /** The conversation takes follow-up messages ({@code POST .../message}). */
    static void takesMessages(String conversationId) {
        ProviderStubs.start().stubFor(post(urlPathEqualTo("/agent/api/conversations/" + conversationId + "/message"))
                .willReturn(okJson("{\"success\":true}")));
    }

    /** The messages the conversation was sent after its start. */
    static List<LoggedRequest> messages(String conversationId) {
        return ProviderStubs.start().findAll(postRequestedFor(
                urlPathEqualTo("/agent/api/conversations/" + conversationId + "/message")));
    }

    static HttpResponse<String> push(String body) {
        return push(Server.BASE, body);
    }

    /** The agent server's push to another server than the test server (WildFlyIT). */
    static HttpResponse<String> push(URI base, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return Server.post(base, "/api/agent/events", Map.of("Content-Type", "application/json",
                "X-Signature-256", "sha256=" + Signed.hmac(CALLBACK_SECRET, bytes)), bytes);
    }
}
