package dev.switchboard.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The few Keycloak calls the tests need: readiness, the Admin REST API (as the bootstrap admin, with a
 * password grant on the {@code master} realm's {@code admin-cli} client) and password-grant tokens.
 */
public final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final URI server;
    private final String adminToken;

    private KeycloakAdmin(URI server, String adminToken) {
        this.server = server;
        this.adminToken = adminToken;
    }

    /** Signs in to the {@code master} realm as its admin. */
    public static KeycloakAdmin login(URI server, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", "admin-cli");
        form.put("username", username);
        form.put("password", password);
        return new KeycloakAdmin(server, token(server, "master", form).getString("access_token"));
    }

    /** A user's access token from a password grant (the client must allow direct access grants). */
    public static String passwordGrant(URI server, String realm, String clientId, String clientSecret,
                                       String username, String password, String scope) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("username", username);
        form.put("password", password);
        form.put("scope", scope);
        return token(server, realm, form).getString("access_token");
    }

    /**
     * Waits until {@code url} answers 200, at most {@code timeout}; gives up early once {@code alive}
     * turns false (the server process died). Returns whether it answered.
     */
    public static boolean awaitOk(URI url, Duration timeout, BooleanSupplier alive) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && alive.getAsBoolean()) {
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Replaces a confidential client's secret with a known value. */
    public void setClientSecret(String realm, String clientId, String secret) {
        JsonObject client = client(realm, clientId);
        JsonObject changed = Json.createObjectBuilder(client).add("secret", secret).build();
        expect(204, send("PUT", "/admin/realms/" + realm + "/clients/" + client.getString("id"), changed));
    }

    /** The client's representation (its {@code id} is the internal one the other endpoints take). */
    public JsonObject client(String realm, String clientId) {
        JsonArray clients = (JsonArray) parse(expect(200,
                send("GET", "/admin/realms/" + realm + "/clients?clientId=" + encode(clientId), null)));
        if (clients.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in realm " + realm);
        }
        return clients.getJsonObject(0);
    }

    /** The id of the top-level group {@code name}. */
    public String groupId(String realm, String name) {
        JsonArray groups = (JsonArray) parse(expect(200, send("GET",
                "/admin/realms/" + realm + "/groups?exact=true&search=" + encode(name), null)));
        return groups.stream().map(JsonValue::asJsonObject).filter(g -> g.getString("name").equals(name))
                .findFirst().orElseThrow(() -> new IllegalStateException("no group " + name + " in " + realm))
                .getString("id");
    }

    /**
     * Creates an enabled user with a verified e-mail, a first and last name (the default user profile
     * asks for them; without them a sign-in stops at "update your profile"), no required actions and a
     * permanent password, and puts it in {@code groups}. Returns its id.
     */
    public String createUser(String realm, String username, String password, String... groups) {
        JsonObject user = Json.createObjectBuilder()
                .add("username", username)
                .add("enabled", true)
                .add("email", username + "@switchboard.test")
                .add("emailVerified", true)
                .add("firstName", username)
                .add("lastName", "Test")
                .add("requiredActions", Json.createArrayBuilder())
                .build();
        HttpResponse<String> created = send("POST", "/admin/realms/" + realm + "/users", user);
        expect(201, created);
        String location = created.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("user created without a Location"));
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonObject credential = Json.createObjectBuilder()
                .add("type", "password").add("value", password).add("temporary", false).build();
        expect(204, send("PUT", "/admin/realms/" + realm + "/users/" + id + "/reset-password", credential));
        for (String group : groups) {
            expect(204, send("PUT", "/admin/realms/" + realm + "/users/" + id + "/groups/" + groupId(realm, group), null));
        }
        return id;
    }

    /** An identity provider's representation, as the admin console shows it. */
    public JsonObject identityProvider(String realm, String alias) {
        return (JsonObject) parse(expect(200, send("GET",
                "/admin/realms/" + realm + "/identity-provider/instances/" + encode(alias), null)));
    }

    private HttpResponse<String> send(String method, String path, JsonStructure body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return call(request.build());
    }

    private static JsonObject token(URI server, String realm, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/realms/" + realm + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return (JsonObject) parse(expect(200, call(request)));
    }

    private static HttpResponse<String> call(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + " (expected " + status + "): " + response.body());
        }
        return response.body();
    }

    private static JsonStructure parse(String json) {
        return Json.createReader(new StringReader(json)).read();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
