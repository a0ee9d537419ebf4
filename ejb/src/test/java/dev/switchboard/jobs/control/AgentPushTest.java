package dev.switchboard.jobs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.deliveries.control.HmacSha256;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentPushTest {

    private static final String SECRET = "agent-callback-secret";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void acceptsOnlyTheSignatureOfTheRawBody() {
        byte[] body = utf8("{\"conversation_id\":\"c1\",\"agent_state\":\"finished\"}");
        String good = "sha256=" + HmacSha256.signHex(SECRET, body);
        assertThat(AgentPush.isAuthentic(SECRET, Optional.of(good), body)).isTrue();
        assertThat(AgentPush.isAuthentic(SECRET, Optional.of(good.toUpperCase().replace("SHA256=", "sha256=")), body)).isTrue();
        assertThat(AgentPush.isAuthentic(SECRET, Optional.of(good), utf8("{\"conversation_id\":\"c2\"}"))).isFalse();
        assertThat(AgentPush.isAuthentic(SECRET, Optional.of(good.substring(7)), body)).as("no prefix").isFalse();
        assertThat(AgentPush.isAuthentic(SECRET, Optional.empty(), body)).isFalse();
        assertThat(AgentPush.isAuthentic("", Optional.of(good), body))
                .as("no secret configured: fails closed").isFalse();
    }

    @Test
    void readsStateAndMessage() throws Exception {
        AgentPush.Parsed push = AgentPush.parse(utf8(
                "{\"conversation_id\":\"c1\",\"agent_state\":\"finished\",\"message\":\"Fixed it.\"}"));
        assertThat(push.conversationId()).isEqualTo("c1");
        assertThat(push.report()).contains(new AgentReport(AgentState.FINISHED, "Fixed it."));
    }

    @Test
    void readsTheObservationShape() throws Exception {
        AgentPush.Parsed push = AgentPush.parse(utf8("""
                {"conversation_id":"c1","event":{"id":5,"observation":"agent_state_changed",
                 "extras":{"agent_state":"awaiting_user_input"}}}"""));
        assertThat(push.report().orElseThrow().state()).isEqualTo(AgentState.AWAITING_INPUT);
    }

    @Test
    void aStateUsersDoNotHearAboutIsReadButEmpty() throws Exception {
        assertThat(AgentPush.parse(utf8("{\"conversation_id\":\"c1\",\"agent_state\":\"loading\"}")).report()).isEmpty();
    }

    @Test
    void refusesMalformedBodies() {
        assertThatThrownBy(() -> AgentPush.parse(utf8("not json"))).isInstanceOf(AgentPush.MalformedPushException.class);
        assertThatThrownBy(() -> AgentPush.parse(utf8("[1]"))).isInstanceOf(AgentPush.MalformedPushException.class);
        assertThatThrownBy(() -> AgentPush.parse(utf8("{\"agent_state\":\"finished\"}")))
                .hasMessageContaining("conversation_id");
        assertThatThrownBy(() -> AgentPush.parse(utf8("{\"conversation_id\":\"c1\"}")))
                .hasMessageContaining("agent_state");
        assertThatThrownBy(() -> AgentPush.parse(utf8("{\"conversation_id\":7,\"agent_state\":\"x\"}")))
                .hasMessageContaining("string");
    }
}
