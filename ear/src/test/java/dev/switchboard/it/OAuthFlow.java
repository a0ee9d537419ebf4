package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A browser going through account linking: authorize (signed in), then the provider's redirect back. */
public record OAuthFlow(String provider, URI authorizeUrl, Map<String, String> query, String cookie) {

    public static OAuthFlow start(String provider, String bearer) {
        return start(provider, bearer, null);
    }

    public static OAuthFlow start(String provider, String bearer, String redirect) {
        return start(Server.BASE, provider, bearer, redirect);
    }

    /** Starts at another server than the test server (ClusterIT's instances). */
    public static OAuthFlow start(URI base, String provider, String bearer, String redirect) {
        String path = "/api/oauth/" + provider + "/authorize"
                + (redirect == null ? "" : "?redirect=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        HttpResponse<String> response = Server.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + bearer).timeout(Duration.ofSeconds(30)).GET().build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("sb_oauth=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
        return new OAuthFlow(provider, location, query(location), cookie.substring(0, cookie.indexOf(';')));
    }

    public String state() {
        return query.get("state");
    }

    /** The provider sends the browser back with a code. */
    public HttpResponse<String> callback(String code) {
        return callbackAt(Server.BASE, code);
    }

    /** The provider's redirect reaching another server than the one the flow started at (a load balancer's doing). */
    public HttpResponse<String> callbackAt(URI base, String code) {
        return callbackWith(base, "code=" + code + "&state=" + state(), cookie);
    }

    public HttpResponse<String> callbackWith(String queryString, String cookieHeader) {
        return callbackWith(Server.BASE, queryString, cookieHeader);
    }

    private HttpResponse<String> callbackWith(URI base, String queryString, String cookieHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                base.resolve("/api/oauth/" + provider + "/callback?" + queryString)).timeout(Duration.ofSeconds(30)).GET();
        if (cookieHeader != null) {
            request.header("Cookie", cookieHeader);
        }
        return Server.send(request.build());
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
