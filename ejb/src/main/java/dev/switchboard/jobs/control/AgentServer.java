package dev.switchboard.jobs.control;

import dev.switchboard.json.Jsons;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The agent server (AGENT_SERVER_URL, key AGENT_API_KEY) with its own retry policy: only a request the server
 * cannot have processed is repeated — no connection, or a gateway's 502/503/504 — so a conversation start that
 * timed out after it was sent is never sent twice. A breaker stops hammering a server that is down; callers
 * then fail fast and their delivery or callback is retried later. Configuration is read per call, as elsewhere.
 */
@ApplicationScoped
public class AgentServer {

    static final int EVENTS_PAGE = 50;

    private final ConcurrentMap<String, AgentServerApi> clients = new ConcurrentHashMap<>();

    /** Starts a conversation and returns its id. */
    @Retry(retryOn = AgentServerUnavailableException.class, maxRetries = 3, delay = 500, jitter = 200)
    @CircuitBreaker(failOn = AgentServerUnavailableException.class, requestVolumeThreshold = 10,
            failureRatio = 0.5, delay = 30_000)
    public String start(NewConversation conversation) {
        JsonObject answer;
        try (Response response = call(false, () -> api().createConversation(authorization(), conversation.toJson()))) {
            answer = read(response, "starting a conversation");
        }
        String id = answer.getString("conversation_id", null);
        if (!"ok".equals(answer.getString("status", "ok")) || id == null || id.isBlank()) {
            throw new AgentServerException("the agent server did not start the conversation (status "
                    + answer.getString("status", "?") + ")");
        }
        return id;
    }

    /**
     * Gives the conversation a new user message. Like a start, a message sent without an answer is not repeated
     * (the agent would read it twice); {@link ConversationGoneException} when the server no longer has the
     * conversation running.
     */
    @Retry(retryOn = AgentServerUnavailableException.class, maxRetries = 3, delay = 500, jitter = 200)
    @CircuitBreaker(failOn = AgentServerUnavailableException.class, requestVolumeThreshold = 10,
            failureRatio = 0.5, delay = 30_000)
    public void send(String conversationId, String text) {
        JsonObject body = Jsons.createObjectBuilder().add("message", text).build();
        try (Response response = call(false, () -> api().message(authorization(), conversationId, body))) {
            int status = response.getStatus();
            if (status == 404 || status == 409 || status == 410) {
                throw new ConversationGoneException("the agent server no longer runs conversation " + conversationId
                        + " (HTTP " + status + ")");
            }
            JsonObject answer = read(response, "a message to conversation " + conversationId);
            if (!answer.getBoolean("success", true)) {
                throw new AgentServerException("the agent server did not take the message (" + answer + ")");
            }
        }
    }

    /** The agent's state and last message; empty while the conversation has not reported a state yet. */
    @Retry(retryOn = AgentServerUnavailableException.class, maxRetries = 3, delay = 500, jitter = 200)
    @CircuitBreaker(failOn = AgentServerUnavailableException.class, requestVolumeThreshold = 10,
            failureRatio = 0.5, delay = 30_000)
    public Optional<AgentReport> report(String conversationId) {
        try (Response response = call(true, () -> api().events(authorization(), conversationId, true, EVENTS_PAGE))) {
            return ConversationEvents.report(read(response, "reading conversation " + conversationId));
        }
    }

    /** Calls the server; {@code idempotent} says whether a request that got no answer may be repeated. */
    private static Response call(boolean idempotent, java.util.function.Supplier<Response> request) {
        Response response;
        try {
            response = request.get();
        } catch (ProcessingException e) {
            if (idempotent || notConnected(e)) {
                throw new AgentServerUnavailableException("the agent server is not reachable: " + describe(e), e);
            }
            throw new AgentServerException("the agent server did not answer (" + describe(e)
                    + "); not repeated, it may have received the request", e);
        }
        int status = response.getStatus();
        if (status == 502 || status == 503 || status == 504) {
            response.close();
            throw new AgentServerUnavailableException("the agent server is unavailable (HTTP " + status + ")");
        }
        return response;
    }

    private static JsonObject read(Response response, String what) {
        int status = response.getStatus();
        if (status / 100 != 2) {
            throw new AgentServerException("the agent server refused " + what + " (HTTP " + status + ")");
        }
        try {
            return Jsons.createReader(new StringReader(response.readEntity(String.class))).readObject();
        } catch (JsonException | IllegalStateException | ProcessingException e) {
            throw new AgentServerException("the agent server's answer to " + what + " is not readable", e);
        }
    }

    private static boolean notConnected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private AgentServerApi api() {
        String base = setting("agent.server.url").replaceAll("/+$", "");
        long timeoutMs = config().getOptionalValue("agent.server.timeout.ms", Long.class).orElse(30_000L);
        return clients.computeIfAbsent(base + "|" + timeoutMs, key -> RestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(Math.min(timeoutMs, 10_000L), TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(AgentServerApi.class));
    }

    private static String authorization() {
        return "Bearer " + setting("agent.api.key");
    }

    /** AGENT_SERVER_URL links users to their conversation: {@code <url>/conversations/<id>}. */
    public static String conversationLink(String conversationId) {
        return setting("agent.server.url").replaceAll("/+$", "") + "/conversations/" + conversationId;
    }

    private static String setting(String name) {
        return config().getOptionalValue(name, String.class).filter(v -> !v.isBlank())
                .orElseThrow(() -> new AgentServerUnavailableException("the agent server is not configured ("
                        + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_') + ")"));
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(client -> {
            if (client instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // closing on undeploy: nothing left to do about it
                }
            }
        });
    }
}
