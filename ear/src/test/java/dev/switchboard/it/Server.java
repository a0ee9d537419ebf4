package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The running test server: HTTP on 127.0.0.1:8080 and its asadmin. */
public final class Server {

    public static final URI BASE = URI.create("http://127.0.0.1:8080");
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private Server() {
    }

    public static HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) {
        return post(BASE, path, headers, body);
    }

    public static HttpResponse<String> post(URI base, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public static HttpResponse<String> get(String path, String bearer) {
        return get(BASE, path, bearer);
    }

    /** The same at another server (ClusterIT's instances). */
    public static HttpResponse<String> get(URI base, String path, String bearer) {
        return sendAs(bearer, request(base, path).GET());
    }

    public static HttpResponse<String> postEmpty(String path, String bearer) {
        return postEmpty(BASE, path, bearer);
    }

    public static HttpResponse<String> postEmpty(URI base, String path, String bearer) {
        return sendAs(bearer, request(base, path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public static HttpResponse<String> delete(String path, String bearer) {
        return sendAs(bearer, request(BASE, path).DELETE());
    }

    private static HttpRequest.Builder request(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    /** Sends with the bearer token, or without any Authorization when it is null. */
    private static HttpResponse<String> sendAs(String bearer, HttpRequest.Builder request) {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs an asadmin subcommand against the test domain, as an operator would; returns its output. */
    public static String asadmin(String... args) {
        Path asadmin = Path.of(System.getProperty("payara.home"), "bin", "asadmin");
        List<String> command = new ArrayList<>(List.of(asadmin.toString(), "--interactive=false"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", args) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
