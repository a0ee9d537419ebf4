package dev.switchboard.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * A server that a test starts itself next to the Arquillian one (WildFlyIT, ArtemisIT): its address and its own
 * PostgreSQL database, with what those tests ask of both.
 */
record SecondServer(URI base, String dbUrl) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The sample sent to this server instead of the Payara test server. */
    HttpResponse<String> send(Sample sample) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(sample.path())).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sample.body()));
        sample.headers().forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a GET (readiness, metrics). */
    String get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    String readiness() throws Exception {
        return get("/health/ready");
    }

    /** Waits until the readiness body satisfies the condition and returns it. */
    String awaitReadiness(Predicate<String> condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String body = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                body = readiness();
                if (condition.test(body)) {
                    return body;
                }
            } catch (IOException notYet) {
                body = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("readiness of " + base + " did not change as expected within " + timeout + ": " + body);
    }

    boolean answers() throws InterruptedException {
        try {
            HTTP.send(HttpRequest.newBuilder(base).GET().build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException nothingListens) {
            return false;
        }
    }

    /** Waits until the delivery is settled (neither QUEUED nor FAILED) and returns its status. */
    String awaitStatus(String deliveryId, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            status = queryString("select status from webhook_delivery where delivery_id = ?", deliveryId);
            if (status != null && !status.equals("QUEUED") && !status.equals("FAILED")) {
                return status;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(deliveryId + " not settled within " + timeout + ", status " + status);
    }

    int queryInt(String sql, String param) throws SQLException {
        return Integer.parseInt(queryString(sql, param));
    }

    String queryString(String sql, String param) throws SQLException {
        try (Connection c = DriverManager.getConnection(dbUrl, "postgres", "");
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
