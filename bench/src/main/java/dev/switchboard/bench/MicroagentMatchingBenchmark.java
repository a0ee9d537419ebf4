package dev.switchboard.bench;

import dev.switchboard.microagents.control.Microagent;
import dev.switchboard.microagents.control.MicroagentFormatException;
import dev.switchboard.microagents.control.MicroagentMatch;
import dev.switchboard.microagents.control.MicroagentMatcher;
import dev.switchboard.microagents.control.MicroagentParser;
import dev.switchboard.microagents.control.MicroagentSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching a job's message (about 2 KB, with a thread of 10 messages) against a repository's agents: 40
 * knowledge agents with 3 triggers each, 5 tasks and 3 repo agents, as a large repository might have.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MicroagentMatchingBenchmark {

    private List<Microagent> agents;
    private String message;
    private List<String> thread;

    @Setup
    public void load() throws MicroagentFormatException {
        agents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            agents.add(MicroagentParser.parse(MicroagentSource.REPOSITORY, "knowledge/k" + i + ".md", "knowledge/k" + i,
                    "---\ntriggers: [topic" + i + ", \"area " + i + "\", tool-" + i + "]\n---\nKnow about topic " + i + ".\n"));
        }
        for (int i = 0; i < 5; i++) {
            agents.add(MicroagentParser.parse(MicroagentSource.REPOSITORY, "tasks/t" + i + ".md", "tasks/t" + i,
                    "---\ninputs:\n  - name: VERSION\n    description: the version\n---\nRelease ${VERSION} of task " + i + ".\n"));
        }
        for (int i = 0; i < 3; i++) {
            agents.add(MicroagentParser.parse(MicroagentSource.REPOSITORY, "repo" + i + ".md", "repo" + i,
                    "Build with mvn verify (" + i + ").\n"));
        }
        StringBuilder text = new StringBuilder("@openhands please look at topic7 and area 12; ");
        while (text.length() < 2000) {
            text.append("the digital pipeline fails intermittently when the cache is cold and the retry fires. ");
        }
        message = text.append("/tasks/t3 VERSION=2.4.0").toString();
        thread = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            thread.add("earlier message " + i + " about tool-" + (i * 3) + " and nothing else in particular");
        }
        if (MicroagentMatcher.match(agents, message, thread).isEmpty()) {
            throw new IllegalStateException("the benchmark's message matches nothing");
        }
    }

    @Benchmark
    public List<MicroagentMatch> match() {
        return MicroagentMatcher.match(agents, message, thread);
    }
}
