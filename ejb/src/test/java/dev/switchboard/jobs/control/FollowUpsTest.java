package dev.switchboard.jobs.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.entity.Platform;
import dev.switchboard.jobs.entity.AgentJob;
import dev.switchboard.jobs.entity.JobStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Which job a follow-up may go to, and what sending it does to the job. */
class FollowUpsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private static AgentJob job() {
        return new AgentJob("delivery-1", Platform.GITHUB, "github:acme/api#7", "acme/api", "octocat", null,
                "{\"repository\":\"acme/api\",\"number\":7}", NOW);
    }

    private static AgentJob reported(AgentState state) {
        AgentJob job = job();
        job.started("conv-1", NOW);
        job.agentStateChanged(state.id(), state.jobStatus(), "the agent's last word", NOW);
        return job;
    }

    @Test
    void aRunningWaitingOrFinishedConversationTakesTheMessage() {
        AgentJob running = job();
        running.started("conv-1", NOW);
        assertThat(FollowUps.usable(running)).isTrue();
        assertThat(FollowUps.usable(reported(AgentState.AWAITING_INPUT))).isTrue();
        assertThat(FollowUps.usable(reported(AgentState.FINISHED))).isTrue();
        assertThat(FollowUps.usable(reported(AgentState.RATE_LIMITED))).isTrue();
    }

    @Test
    void anErredStoppedOrNeverStartedJobGetsANewJobInstead() {
        assertThat(FollowUps.usable(reported(AgentState.ERROR))).isFalse();
        assertThat(FollowUps.usable(reported(AgentState.STOPPED))).isFalse();
        assertThat(FollowUps.usable(job())).as("still starting").isFalse();
        AgentJob refused = job();
        refused.failedToStart("the agent server refused", NOW);
        assertThat(FollowUps.usable(refused)).isFalse();
    }

    @Test
    void aFollowedUpJobIsActiveAgainAndItsNextFinishIsANewChange() {
        AgentJob job = reported(AgentState.FINISHED);
        int told = job.getStateChanges();

        job.followedUp("{\"repository\":\"acme/api\",\"number\":7,\"comment_id\":99}", NOW);

        assertThat(job.getStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.getStateChanges()).isEqualTo(told + 1);
        assertThat(job.getAnswerTo()).contains("\"comment_id\":99");
        assertThat(job.agentStateChanged("finished", JobStatus.FINISHED, "done again", NOW))
                .as("the same state as before the follow-up is news now").isTrue();
        assertThat(job.getStateChanges()).isEqualTo(told + 2);
    }

    @Test
    void withoutAPlaceOfItsOwnTheFollowUpKeepsTheJobs() {
        AgentJob job = reported(AgentState.FINISHED);
        String before = job.getAnswerTo();
        job.followedUp(null, NOW);
        assertThat(job.getAnswerTo()).isEqualTo(before);
    }

    @Test
    void billingKnowsALinkedUserByIdAndATeamModeRequesterByPlatformAndLogin() {
        assertThat(BillingGate.userKey(Platform.GITHUB, "5f0c2a7e-user", "octocat")).isEqualTo("5f0c2a7e-user");
        assertThat(BillingGate.userKey(Platform.GITHUB, null, "octocat")).isEqualTo("github:octocat");
        assertThat(BillingGate.userKey(Platform.GITLAB, null, "jdoe")).isEqualTo("gitlab:jdoe");
        assertThat(BillingGate.message("@octocat", "https://billing.example.com/p/login/x"))
                .startsWith("@octocat I can only start jobs").contains("https://billing.example.com/p/login/x");
        assertThat(BillingGate.message(null, "https://billing.example.com")).startsWith("I can only start jobs");
    }
}
