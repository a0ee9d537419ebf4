package dev.switchboard.bench;

import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.github.control.GitHubEvent;
import dev.switchboard.github.control.GitHubEventParser;
import dev.switchboard.slack.control.SlackEvent;
import dev.switchboard.slack.control.SlackEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Parsing typical deliveries into the typed events the managers decide on (real payloads from the tests). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ParsingBenchmark {

    private final String issueComment = fixture("events/github/issue_comment.created.json");
    private final String appMention = fixture("events/slack/app_mention.json");

    @Benchmark
    public GitHubEvent gitHubIssueComment() throws MalformedEventException {
        return GitHubEventParser.parse("issue_comment", issueComment);
    }

    @Benchmark
    public SlackEvent slackAppMention() throws MalformedEventException {
        return SlackEventParser.parse("app_mention", appMention);
    }

    static String fixture(String path) {
        try (InputStream in = ParsingBenchmark.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
