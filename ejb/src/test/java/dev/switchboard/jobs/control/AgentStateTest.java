package dev.switchboard.jobs.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.jobs.entity.JobStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class AgentStateTest {

    @Test
    void mapsOpenHandsAgentStates() {
        assertThat(AgentState.fromWire("running")).contains(AgentState.RUNNING);
        assertThat(AgentState.fromWire("awaiting_user_input")).contains(AgentState.AWAITING_INPUT);
        assertThat(AgentState.fromWire("FINISHED")).contains(AgentState.FINISHED);
        assertThat(AgentState.fromWire("error")).contains(AgentState.ERROR);
        assertThat(AgentState.fromWire("stopped")).contains(AgentState.STOPPED);
        assertThat(AgentState.fromWire("rate_limited")).contains(AgentState.RATE_LIMITED);
        assertThat(AgentState.fromWire("loading")).isEmpty();
        assertThat(AgentState.fromWire(null)).isEmpty();
    }

    @Test
    void aRateLimitedAgentKeepsItsJobActive() {
        assertThat(AgentState.RATE_LIMITED.jobStatus()).isEqualTo(JobStatus.RUNNING);
        assertThat(AgentState.RATE_LIMITED.jobStatus().isActive()).isTrue();
        assertThat(AgentState.FINISHED.jobStatus().isActive()).isFalse();
        assertThat(AgentState.RUNNING.isNews()).isFalse();
        assertThat(AgentState.ERROR.isNews()).isTrue();
    }

    @Test
    void readsTheNewestStateAndTheFinalMessageFromAnEventPage() {
        // newest first, as GET /api/conversations/{id}/events?reverse=true answers
        JsonObject page = json("""
                {"events":[
                  {"id":12,"source":"agent","observation":"agent_state_changed","content":"","message":"",
                   "extras":{"agent_state":"finished","reason":""}},
                  {"id":11,"source":"agent","action":"finish","message":"All done!",
                   "args":{"final_thought":"Fixed the flaky test by waiting for the port.","outputs":{}}},
                  {"id":10,"source":"agent","action":"message","args":{"content":"Working on it"}},
                  {"id":3,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"running"}}
                ],"has_more":false}""");
        AgentReport report = ConversationEvents.report(page).orElseThrow();
        assertThat(report.state()).isEqualTo(AgentState.FINISHED);
        assertThat(report.message()).isEqualTo("Fixed the flaky test by waiting for the port.");
    }

    @Test
    void ordersEventsByIdWhateverTheirOrderOnThePage() {
        JsonObject page = json("""
                {"events":[
                  {"id":3,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"running"}},
                  {"id":7,"source":"agent","action":"message","args":{"content":"Which branch should I use?"}},
                  {"id":8,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"awaiting_user_input"}},
                  {"id":2,"source":"user","action":"message","args":{"content":"hello"}}
                ]}""");
        AgentReport report = ConversationEvents.report(page).orElseThrow();
        assertThat(report.state()).isEqualTo(AgentState.AWAITING_INPUT);
        assertThat(report.message()).isEqualTo("Which branch should I use?");
    }

    @Test
    void aUserMessageNewerThanEveryStateMeansTheAgentIsAtWorkAgain() {
        JsonObject finishedThenFollowedUp = json("""
                {"events":[
                  {"id":12,"source":"user","action":"message","args":{"content":"now also the README"}},
                  {"id":11,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"finished"}},
                  {"id":10,"source":"agent","action":"finish","args":{"final_thought":"Fixed the test."}}
                ]}""");
        assertThat(ConversationEvents.report(finishedThenFollowedUp).orElseThrow().state())
                .as("the old 'finished' was told already; the follow-up is not answered yet").isEqualTo(AgentState.RUNNING);

        JsonObject answered = json("""
                {"events":[
                  {"id":14,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"finished"}},
                  {"id":13,"source":"agent","action":"finish","args":{"final_thought":"Updated the README too."}},
                  {"id":12,"source":"user","action":"message","args":{"content":"now also the README"}},
                  {"id":11,"source":"agent","observation":"agent_state_changed","extras":{"agent_state":"finished"}}
                ]}""");
        AgentReport report = ConversationEvents.report(answered).orElseThrow();
        assertThat(report.state()).isEqualTo(AgentState.FINISHED);
        assertThat(report.message()).isEqualTo("Updated the README too.");
    }

    @Test
    void aPageWithoutStateReportsNothing() {
        assertThat(ConversationEvents.report(json("{\"events\":[]}"))).isEmpty();
        assertThat(ConversationEvents.report(json("{}"))).isEmpty();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
