package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input to the public endpoints: correctly signed bodies that are broken or built to hurt the parser, lying
 * and hostile headers, a Content-Length that lies, a slow-loris upload, path traversal in the repository APIs. Each
 * must get a 4xx with Switchboard's JSON error (or, for what never becomes an HTTP request, a closed connection),
 * nothing may be stored, and the server must stay healthy. The number of inputs tried is asserted and logged.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    private static final Logger LOG = Logger.getLogger(HostileInputIT.class.getName());
    private static final AtomicInteger TRIED = new AtomicInteger();
    private static final String PREFIX = "it-hostile-";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return SwitchboardDeployment.ear();
    }

    @AfterAll
    static void report() {
        LOG.info("hostile inputs tried: " + TRIED.get());
    }

    @Test
    void craftedBodiesSignedForEveryPlatformAreRefusedWithAJsonErrorAndNothingIsStored() {
        List<String> accepted = new ArrayList<>();
        int n = 0;
        for (byte[] body : HostileInput.craftedBodies()) {
            for (HostileInput.Case c : signedForEveryPlatform(body, n++)) {
                HttpResponse<String> response = send(c);
                if (response.statusCode() < 400 || response.statusCode() >= 500 || !isJsonError(response)) {
                    accepted.add(c.name() + " → " + response.statusCode() + " " + clip(response.body()));
                }
            }
        }
        assertThat(accepted).as("crafted hostile bodies that were not refused with a JSON 4xx").isEmpty();
        assertNothingStoredAndHealthy();
    }

    @Test
    void mutatedPayloadsAreEitherValidAndStoredOrRefusedWithAJsonErrorNeverA5xx() {
        List<String> wrong = new ArrayList<>();
        int n = 0;
        for (byte[] body : HostileInput.mutatedBodies(20261128L, 1_000)) {
            HostileInput.Case c = github("mutated-" + n, "it-mutated-" + n++, body); // valid ones are stored: own prefix
            HttpResponse<String> response = send(c);
            boolean refused = response.statusCode() >= 400 && response.statusCode() < 500 && isJsonError(response);
            boolean stored = response.statusCode() == 202 && isValidJsonObject(body);
            if (!refused && !stored) {
                wrong.add(c.name() + " → " + response.statusCode() + " " + clip(response.body()));
            }
        }
        assertThat(wrong).as("mutations answered with neither a JSON 4xx nor a 202 for a valid object").isEmpty();
        assertThat(Server.get("/health/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void hostileHeadersAreRefusedWithAJsonError() {
        byte[] body = HostileInput.utf8("{\"zen\":\"x\",\"hook_id\":1}");
        String id = PREFIX + "h-" + System.nanoTime() + "-";
        List<HostileInput.Case> cases = new ArrayList<>();
        cases.add(new HostileInput.Case("no event header", "/api/webhooks/github",
                without(Signed.github("ping", id + "1", body), "X-GitHub-Event"), body));
        cases.add(new HostileInput.Case("no delivery header", "/api/webhooks/github",
                without(Signed.github("ping", id + "2", body), "X-GitHub-Delivery"), body));
        cases.add(new HostileInput.Case("delivery id of 1 KB", "/api/webhooks/github",
                Signed.github("ping", id + "x".repeat(1_000), body), body));
        cases.add(new HostileInput.Case("delivery id with spaces", "/api/webhooks/github",
                Signed.github("ping", id + "3 4", body), body));
        cases.add(new HostileInput.Case("event with non-ASCII characters", "/api/webhooks/github",
                Signed.github("p\u00efng\u00ff", id + "5", body), body));
        cases.add(new HostileInput.Case("event of 1 KB", "/api/webhooks/github", Signed.github("e".repeat(1_000), id + "6", body), body));
        cases.add(new HostileInput.Case("signature of the wrong length", "/api/webhooks/github",
                with(Signed.github("ping", id + "7", body), "X-Hub-Signature-256", "sha256=abc"), body));
        cases.add(new HostileInput.Case("signature not hex", "/api/webhooks/github",
                with(Signed.github("ping", id + "8", body), "X-Hub-Signature-256", "sha256=" + "zz".repeat(32)), body));
        cases.add(new HostileInput.Case("xml content type", "/api/webhooks/github",
                with(Signed.github("ping", id + "9", body), "Content-Type", "application/xml"), body));
        cases.add(new HostileInput.Case("multipart content type", "/api/webhooks/github",
                with(Signed.github("ping", id + "10", body), "Content-Type", "multipart/form-data; boundary=x"), body));
        cases.add(new HostileInput.Case("unknown charset", "/api/webhooks/github",
                with(Signed.github("ping", id + "11", body), "Content-Type", "application/json; charset=x-no-such-charset"), body));
        cases.add(new HostileInput.Case("slack timestamp not a number", "/api/webhooks/slack",
                with(Signed.slack(body, Signed.now(), "application/json"), "X-Slack-Request-Timestamp", "1e9"), body));
        cases.add(new HostileInput.Case("stripe signature garbage", "/api/webhooks/stripe",
                with(Signed.stripe(body, Signed.now()), "Stripe-Signature", "t=,v1=,,,=="), body));
        cases.add(new HostileInput.Case("unknown platform", "/api/webhooks/bitbucket", Signed.github("ping", id + "12", body), body));
        cases.add(new HostileInput.Case("traversal in the platform", "/api/webhooks/..%2Fadmin%2Fdeliveries",
                Signed.github("ping", id + "13", body), body));
        List<String> wrong = new ArrayList<>();
        for (HostileInput.Case c : cases) {
            HttpResponse<String> response = send(c);
            if (response.statusCode() < 400 || response.statusCode() >= 500 || !isJsonError(response)) {
                wrong.add(c.name() + " → " + response.statusCode() + " " + clip(response.body()));
            }
        }
        assertThat(wrong).as("hostile headers not refused with a JSON 4xx").isEmpty();
        assertNothingStoredAndHealthy();
    }

    @Test
    void headerInjectionALyingContentLengthAndASlowLorisNeverGetAnAcknowledgement() throws IOException {
        byte[] body = HostileInput.utf8("{\"zen\":\"x\",\"hook_id\":1}");
        String delivery = PREFIX + "raw-1";
        String signature = "sha256=" + Signed.hmac(Signed.GITHUB_SECRET, body);
        String head = "POST /api/webhooks/github HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\n"
                + "X-GitHub-Event: ping\r\nX-Hub-Signature-256: " + signature + "\r\n";
        // CR/LF smuggled into a header value: a second header, and a second request, must not appear
        assertNoAcknowledgement(raw(head + "X-GitHub-Delivery: " + delivery + "\rX-Injected: 1\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n", body, Duration.ofSeconds(10)));
        // a Content-Length larger than the body, then silence: the read times out, nothing is acknowledged
        assertNoAcknowledgement(raw(head + "X-GitHub-Delivery: " + PREFIX + "raw-2\r\nContent-Length: " + (body.length + 50)
                + "\r\nConnection: close\r\n\r\n", body, Duration.ofSeconds(15)));
        // a Content-Length smaller than the body: the signature covers bytes that are not read
        assertNoAcknowledgement(raw(head + "X-GitHub-Delivery: " + PREFIX + "raw-3\r\nContent-Length: " + (body.length - 5)
                + "\r\nConnection: close\r\n\r\n", body, Duration.ofSeconds(10)));
        // two Content-Lengths
        assertNoAcknowledgement(raw(head + "X-GitHub-Delivery: " + PREFIX + "raw-4\r\nContent-Length: " + body.length
                + "\r\nContent-Length: 3\r\nConnection: close\r\n\r\n", body, Duration.ofSeconds(10)));
        // slow-loris: the headers one byte a second; meanwhile the server answers everybody else
        try (Socket slow = new Socket("127.0.0.1", 8080)) {
            OutputStream out = slow.getOutputStream();
            byte[] partial = head.getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 8; i++) {
                out.write(partial[i]);
                out.flush();
                Database.sleep(1000);
                TRIED.incrementAndGet();
                assertThat(Server.get("/health/live", null).statusCode()).as("while a slow client holds a connection")
                        .isEqualTo(200);
            }
        } catch (IOException closedByTheServer) {
            // the server may close a connection this slow; that is an answer too
        }
        assertNothingStoredAndHealthy();
    }

    @Test
    void pathTraversalInTheRepositoryApisIsRefused() {
        String user = AdminTokens.user("it-hostile-user");
        List<String> paths = List.of(
                "/api/repos/github/..%2F..%2Fetc%2Fpasswd/microagents",
                "/api/repos/github/acme/..%2F..%2F..%2Fetc/microagents",
                "/api/repos/github/acme/%2e%2e/microagents",
                "/api/repos/github/acme/api%00/microagents",
                "/api/repos/github/" + "a/".repeat(200) + "microagents",
                "/api/repos/file/etc/passwd/microagents",
                "/api/repos/github/acme/api/microagents?ref=..%2F..%2Fmain",
                "/api/repos/github/acme/api/microagents?ref=" + "x".repeat(5_000),
                "/api/repos/gitlab/acme%2F..%2F..%2Fadmin/api/microagents");
        List<String> wrong = new ArrayList<>();
        for (String path : paths) {
            TRIED.incrementAndGet();
            HttpResponse<String> response = Server.get(path, user);
            // an encoded NUL never reaches the application: the HTTP layer refuses the URI itself with a bare 400
            boolean refusedByTheHttpLayer = path.contains("%00") && response.statusCode() == 400;
            if (!refusedByTheHttpLayer
                    && (response.statusCode() < 400 || response.statusCode() >= 500 || !isJsonError(response))) {
                wrong.add(path.substring(0, Math.min(path.length(), 120)) + " → " + response.statusCode() + " "
                        + clip(response.body()));
            }
        }
        assertThat(wrong).as("repository paths not refused with a JSON 4xx").isEmpty();
        assertThat(TRIED.get()).as("inputs tried so far").isPositive();
    }

    /** Query values built to hurt: control characters, overlong, encoded traversal, broken percent-encoding, huge numbers. */
    private static final List<String> HOSTILE_VALUES = List.of("%00", "%01", "%1b%5b31m", "%7f", "%0d%0aX-Injected:%20yes",
            "%0a", "x".repeat(201), "y".repeat(3_000), "..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2f", "%252e%252e%252f",
            "%zz", "%", "%E0%A4%A", "%C0%AF", "%ED%A0%80", "%FF%FE", "99999999999999999999999999", "-1",
            "-9223372036854775809", "1e309", "NaN", "0x7fffffff", "%2B1000000000-01-01T00:00:00Z",
            "%F0%9F%92%A9", "%27%20OR%201%3D1--", "%7B%22%24gt%22%3A%22%22%7D", "%3Cscript%3E",
            // cursors: garbage base64, a year no database stores, an id with a control character
            "QUFBQQ", "KzEwMDAwMDAwMDAtMDEtMDFUMDA6MDA6MDBafHg", "MjAyNi0wMS0wMVQwMDowMDowMFp8eAF5");

    /** Whether a value should be refused whatever the parameter: what no valid filter, state or code contains. */
    private static boolean alwaysBad(String value) {
        if (value.matches("(?i)(%0[9ad]|%20)+")) {
            return false; // only whitespace: the parameter counts as absent
        }
        return value.length() > 200 || value.matches("(?i).*%(0[0-9a-f]|1[0-9a-f]|7f).*");
    }

    /**
     * The query strings of the admin and OAuth endpoints: every hostile value in every parameter. Each answer is a JSON
     * 2xx/3xx for a harmless value or a JSON 4xx, never a 5xx; values no valid request carries (control characters,
     * over 200 characters) are refused; the HTTP layer alone may refuse a broken URI with its bare 400. Nothing is
     * stored, nobody is linked, and the server stays ready.
     */
    @Test
    void hostileQueryStringsOfTheAdminAndOAuthEndpointsAreRefusedOrHarmless() throws IOException {
        String admin = AdminTokens.admin();
        String user = AdminTokens.user("it-hostile-query");
        int linked = Database.queryInt("select count(*) from linked_account");
        int deliveries = Database.queryInt("select count(*) from webhook_delivery");
        Map<String, String> endpoints = new java.util.LinkedHashMap<>();
        for (String param : List.of("platform", "status", "event", "from", "to", "limit", "cursor")) {
            endpoints.put("/api/admin/deliveries?" + param + "=", admin);
        }
        endpoints.put("/api/admin/jobs?limit=", admin);
        endpoints.put("/api/oauth/github/authorize?redirect=", user);
        for (String param : List.of("code", "state", "error", "error_description")) {
            String rest = param.equals("state") ? "code=c&state=" : "state=made-up&" + (param.equals("code") ? "" : "code=c&")
                    + param + "=";
            endpoints.put("/api/oauth/github/callback?" + rest, null);
        }
        List<String> wrong = new ArrayList<>();
        for (var endpoint : endpoints.entrySet()) {
            for (String value : HOSTILE_VALUES) {
                TRIED.incrementAndGet();
                String target = endpoint.getKey() + value;
                String answer = raw("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                        + (endpoint.getValue() == null ? "" : "Authorization: Bearer " + endpoint.getValue() + "\r\n")
                        + "Connection: close\r\n\r\n", new byte[0], Duration.ofSeconds(15));
                int status = answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : -1;
                int split = answer.indexOf("\r\n\r\n");
                String head = split < 0 ? answer : answer.substring(0, split).toLowerCase(java.util.Locale.ROOT);
                boolean json = head.contains("content-type: application/json");
                boolean bareFromHttpLayer = status == 400 && !json && (value.contains("%00") || value.startsWith("%")
                        && !value.matches("(%[0-9A-Fa-f]{2})+.*"));
                boolean redirected = status == 302 && endpoint.getKey().contains("/authorize");
                boolean ok = bareFromHttpLayer || json && (status >= 400 && status < 500 || status == 200 && !alwaysBad(value))
                        || redirected && !alwaysBad(value) || head.contains("x-injected");
                if (!ok || head.contains("x-injected")) {
                    wrong.add(clip(target) + " → " + clip(answer.replace("\r\n", " | ")));
                }
            }
        }
        assertThat(wrong).as("query strings not refused with a JSON 4xx (or answered harmlessly)").isEmpty();
        assertThat(Database.queryInt("select count(*) from linked_account")).as("nobody linked").isEqualTo(linked);
        assertThat(Database.queryInt("select count(*) from webhook_delivery")).as("nothing stored").isEqualTo(deliveries);
        assertThat(Server.get("/health/ready", null).statusCode()).as("readiness after the hostile queries").isEqualTo(200);
        LOG.info("hostile query strings tried: " + endpoints.size() * HOSTILE_VALUES.size());
    }

    private static void assertNoAcknowledgement(String answer) {
        TRIED.incrementAndGet();
        assertThat(answer).as("the raw answer").doesNotStartWith("HTTP/1.1 202").doesNotStartWith("HTTP/1.1 200")
                .doesNotContain("X-Injected");
    }

    /** Sends raw bytes; returns what came back before the server closed or went quiet for {@code wait}. */
    private static String raw(String head, byte[] body, Duration wait) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", 8080)) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException quiet) {
                // no (more) answer: what matters is that it is not an acknowledgement
            }
            return answer.toString();
        }
    }

    private static void assertNothingStoredAndHealthy() {
        assertThat(Database.queryInt("select count(*) from webhook_delivery where delivery_id like ?", PREFIX + "%"))
                .as("deliveries stored from hostile input").isZero();
        assertThat(Server.get("/health/ready", null).statusCode()).as("readiness after the hostile input").isEqualTo(200);
    }

    /** The body signed as each platform signs (GitLab by its token), with a delivery id of this test's own. */
    private static List<HostileInput.Case> signedForEveryPlatform(byte[] body, int n) {
        String id = PREFIX + n;
        long now = Signed.now();
        return List.of(
                github("github body " + n, id + "-gh", body),
                new HostileInput.Case("gitlab body " + n, "/api/webhooks/gitlab", Signed.gitlab("Note Hook", id + "-gl"), body),
                new HostileInput.Case("jira body " + n, "/api/webhooks/jira", Signed.jira(id + "-jira", body), body),
                new HostileInput.Case("slack body " + n, "/api/webhooks/slack", with(Signed.slack(body, now, "application/json"),
                        "X-Slack-Signature", "v0=" + Signed.hmac(Signed.SLACK_SECRET, concat("v0:" + now + ":", body))), body),
                new HostileInput.Case("stripe body " + n, "/api/webhooks/stripe", with(Signed.stripe(body, now),
                        "Stripe-Signature", "t=" + now + ",v1=" + Signed.hmac(Signed.STRIPE_SECRET, concat(now + ".", body))),
                        body));
    }

    /** Slack and Stripe sign a prefix and the raw bytes: signed byte for byte, broken UTF-8 included. */
    private static byte[] concat(String prefix, byte[] body) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] all = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private static HostileInput.Case github(String name, String deliveryId, byte[] body) {
        return new HostileInput.Case(name, "/api/webhooks/github", Signed.github("issue_comment", deliveryId, body), body);
    }

    private static HttpResponse<String> send(HostileInput.Case c) {
        TRIED.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:8080" + c.path()))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(c.body()));
        c.headers().forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(c.name() + ": no answer (" + e + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isJsonError(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            return false;
        }
        try {
            return !WebhookIntakeIT.json(response.body()).getString("error", "").isBlank();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isValidJsonObject(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body)).toString();
            return WebhookIntakeIT.json(text) != null;
        } catch (Exception e) {
            return false;
        }
    }

    private static Map<String, String> without(Map<String, String> headers, String name) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.remove(name);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(headers);
        copy.put(name, value);
        return copy;
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
