package dev.switchboard.jobs.entity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.entity.Platform;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AgentJobTest {

    private final Instant now = Instant.parse("2026-11-28T12:00:00Z");

    private AgentJob job() {
        return new AgentJob("delivery-1", Platform.GITHUB, "github:acme/api#7", "acme/api", "octocat", null, "{}", now);
    }

    @Test
    void aStartIsSentOnceAndAnUnansweredOneIsNotSentAgain() {
        AgentJob job = job();
        assertThat(job.startSending(now)).isTrue();
        assertThat(job.getStartSentAt()).isEqualTo(now);
        assertThat(job.startSending(now.plusSeconds(5))).as("the attempt after a crash").isFalse();
        assertThat(job.getStartSentAt()).isEqualTo(now);
    }

    @Test
    void aStartThatNeverReachedTheAgentServerMayBeSentLater() {
        AgentJob job = job();
        job.startSending(now);
        job.startNotSent(now.plusSeconds(1));
        assertThat(job.getStartSentAt()).isNull();
        assertThat(job.startSending(now.plusSeconds(2))).isTrue();
    }

    @Test
    void theFirstConversationIdStays() {
        AgentJob job = job();
        job.started("conv-1", now);
        job.started("conv-2", now.plusSeconds(1));
        assertThat(job.getConversationId()).isEqualTo("conv-1");
        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
    }
}
