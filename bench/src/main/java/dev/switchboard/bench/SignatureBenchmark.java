package dev.switchboard.bench;

import dev.switchboard.deliveries.control.InboundWebhook;
import dev.switchboard.deliveries.control.WebhookRequest;
import dev.switchboard.github.control.GitHubWebhook;
import dev.switchboard.gitlab.control.GitLabWebhook;
import dev.switchboard.jira.control.JiraWebhook;
import dev.switchboard.slack.control.SlackWebhook;
import dev.switchboard.stripe.control.StripeWebhook;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Each platform's signature check as intake runs it, at 1 KB, 25 KB and 1 MB, next to the raw JDK cost of
 * one HMAC-SHA256 over the same bytes: the check should cost the MAC and little else.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmark {

    @Param({"github", "gitlab", "jira", "slack", "stripe"})
    public String platform;

    @Param({"1024", "25600", "1048576"})
    public int bytes;

    private InboundWebhook webhook;
    private WebhookRequest request;
    private Instant now;
    private byte[] body;
    private Mac mac;

    @Setup(Level.Trial)
    public void sign() throws GeneralSecurityException {
        now = Instant.now();
        body = SignedBodies.body(bytes);
        request = SignedBodies.signed(platform, body, now);
        webhook = switch (platform) {
            case "github" -> new GitHubWebhook();
            case "gitlab" -> new GitLabWebhook();
            case "jira" -> new JiraWebhook();
            case "slack" -> new SlackWebhook();
            default -> new StripeWebhook();
        };
        if (!webhook.isAuthentic(request, SignedBodies.SECRET, now)) {
            throw new IllegalStateException(platform + " does not accept the benchmark's own signature");
        }
        mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SignedBodies.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    @Benchmark
    public boolean verify() {
        return webhook.isAuthentic(request, SignedBodies.SECRET, now);
    }

    /** The floor: one MAC over the body with a Mac that is already initialised. */
    @Benchmark
    public byte[] rawJdkMac() {
        return mac.doFinal(body);
    }
}
