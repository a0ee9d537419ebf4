package dev.switchboard.jobs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentTriggersTest {

    private final AgentTriggers triggers = AgentTriggers.defaults();

    @ParameterizedTest
    @ValueSource(strings = {
            "@openhands please fix the flaky test",
            "Hey @openhands, can you look?",
            "(@openhands) see above",
            "ping:@openhands",
            "@OpenHands fix it",
            "@OPENHANDS",
            "thanks!\n@openhands rebase this",
            "Can you fix this @openhands.",
            "\"@openhands\" - help",
            "> quoted request\n@openhands now do it",
            "```\ncode\n```\nand @openhands after the fence",
            "use `mvn test` then @openhands",
    })
    void recognisesAWholeMention(String text) {
        assertThat(triggers.mentions(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "openhands without the at sign",
            "@openhands-bot did this",
            "@openhandsx is someone else",
            "@openhands_team",
            "mail dev@openhands.dev for access",
            "ask x@openhands",
            "@@openhands",
            ".@openhands",
            "> @openhands fix it\nI agree with the above",
            "   > @openhands indented quote",
            "```\n@openhands inside a fence\n```",
            "~~~java\n// @openhands\n~~~",
            "```\nunclosed fence\n@openhands",
            "run `@openhands fix` to ask",
            "run ``say `@openhands` now`` to ask",
            "```@openhands``` on one line",
    })
    void ignoresMentionsThatAreNotAddressedToTheAgent(String text) {
        assertThat(triggers.mentions(text)).as(text).isFalse();
    }

    @Test
    void nullTextMentionsNobody() {
        assertThat(triggers.mentions(null)).isFalse();
    }

    @Test
    void aFenceOpenedWithFourBackticksIsNotClosedByThree() {
        assertThat(triggers.mentions("````\n```\n@openhands\n````\n")).isFalse();
        assertThat(triggers.mentions("````\n```\n````\n@openhands")).isTrue();
    }

    @Test
    void customMentionWordIsMatchedLiterallyEvenWithRegexMetacharacters() {
        AgentTriggers custom = new AgentTriggers("@ai+bot.", "agent");

        assertThat(custom.mentions("hello @ai+bot. please")).isTrue();
        assertThat(custom.mentions("hello @AI+BOT. please")).isTrue();
        assertThat(custom.mentions("hello @aiibot. please")).isFalse();
        assertThat(custom.mentions("hello @ai+botx please")).isFalse();
        assertThat(custom.mentions("@openhands")).isFalse();
    }

    @Test
    void customMentionWordReplacesTheDefault() {
        AgentTriggers custom = new AgentTriggers("@helper", "help-wanted");

        assertThat(custom.mentions("@helper fix it")).isTrue();
        assertThat(custom.mentions("@openhands fix it")).isFalse();
        assertThat(custom.mention()).isEqualTo("@helper");
        assertThat(custom.label()).isEqualTo("help-wanted");
    }

    @Test
    void labelsCompareCaseInsensitively() {
        assertThat(triggers.isLabel("openhands")).isTrue();
        assertThat(triggers.isLabel("OpenHands")).isTrue();
        assertThat(triggers.isLabel("openhands-done")).isFalse();
        assertThat(triggers.isLabel(null)).isFalse();
        assertThat(triggers.hasLabel(List.of("bug", "OPENHANDS"))).isTrue();
        assertThat(triggers.hasLabel(List.of("bug", "help wanted"))).isFalse();
        assertThat(triggers.hasLabel(null)).isFalse();
    }

    @Test
    void blankConfigurationIsRejected() {
        assertThatThrownBy(() -> new AgentTriggers(" ", "openhands")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AgentTriggers("@openhands", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreTheContractsValues() {
        assertThat(triggers.mention()).isEqualTo("@openhands");
        assertThat(triggers.label()).isEqualTo("openhands");
    }
}
