package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MicroagentParserTest {

    private static Microagent parse(String relativePath, String text) throws MicroagentFormatException {
        return MicroagentParser.parse(MicroagentSource.REPOSITORY, ".openhands/microagents/" + relativePath,
                relativePath, text);
    }

    @Test
    void aFileWithoutFrontMatterIsARepoAgentNamedAfterItsPath() throws Exception {
        Microagent agent = parse("conventions.md", "# Conventions\n\nUse tabs.\n");
        assertThat(agent.type()).isEqualTo(MicroagentType.REPO);
        assertThat(agent.name()).isEqualTo("conventions");
        assertThat(agent.content()).isEqualTo("# Conventions\n\nUse tabs.");
        assertThat(agent.triggers()).isEmpty();
        assertThat(agent.file()).isEqualTo(".openhands/microagents/conventions.md");
    }

    @Test
    void theDefaultNameKeepsSubfoldersAndDropsTheExtension() throws Exception {
        assertThat(parse("frontend/react.md", "text").name()).isEqualTo("frontend/react");
        assertThat(MicroagentParser.defaultName("a\\b.md")).isEqualTo("a/b");
    }

    @Test
    void anEmptyFrontMatterIsLikeNone() throws Exception {
        Microagent agent = parse("empty.md", "---\n---\nBody");
        assertThat(agent.type()).isEqualTo(MicroagentType.REPO);
        assertThat(agent.name()).isEqualTo("empty");
        assertThat(agent.content()).isEqualTo("Body");
        assertThat(parse("blank.md", "---\n   \n---\nBody").metadata()).isEmpty();
    }

    @Test
    void crlfAndAByteOrderMarkAreReadLikeLf() throws Exception {
        Microagent agent = parse("win.md", "\uFEFF---\r\nname: windows\r\ntriggers:\r\n  - powershell\r\n---\r\nLine one\r\nLine two\r\n");
        assertThat(agent.name()).isEqualTo("windows");
        assertThat(agent.type()).isEqualTo(MicroagentType.KNOWLEDGE);
        assertThat(agent.triggers()).containsExactly("powershell");
        assertThat(agent.content()).isEqualTo("Line one\nLine two").doesNotContain("\r");
    }

    @Test
    void typeIsInferredFromInputsThenTriggers() throws Exception {
        assertThat(parse("k.md", "---\ntriggers: [docker]\n---\nx").type()).isEqualTo(MicroagentType.KNOWLEDGE);
        assertThat(parse("t.md", "---\ntriggers: [release]\ninputs:\n  - name: VERSION\n---\nx").type())
                .isEqualTo(MicroagentType.TASK);
        assertThat(parse("r.md", "---\nversion: 1.0.0\n---\nx").type()).isEqualTo(MicroagentType.REPO);
        assertThat(parse("w.md", "---\ntype: repo\ntriggers: [x]\n---\nx").type()).as("written type wins")
                .isEqualTo(MicroagentType.REPO);
    }

    @Test
    void aTaskIsAlsoTriggeredBySlashName() throws Exception {
        Microagent task = parse("release.md", "---\nname: release\ninputs:\n  - name: VERSION\n    description: the version\n---\nRelease ${VERSION}");
        assertThat(task.triggers()).containsExactly("/release");
        assertThat(task.inputs()).containsExactly(new MicroagentInput("VERSION", "the version"));
        assertThat(parse("t2.md", "---\ntype: task\n---\nx").triggers()).containsExactly("/t2");
    }

    @Test
    void knownAndUnknownKeysAreKept() throws Exception {
        Microagent agent = parse("x.md", "---\nname: x\nversion: 1.0\nagent: CodeActAgent\nmcp_tools:\n  stdio_servers: []\n"
                + "owner_team: platform\ntriggers: [x]\n---\nbody");
        assertThat(agent.version()).isEqualTo("1.0");
        assertThat(agent.agent()).isEqualTo("CodeActAgent");
        assertThat(agent.metadata()).containsEntry("owner_team", "platform").containsKey("mcp_tools");
        assertThat(agent.metadata().get("mcp_tools")).isEqualTo(Map.of("stdio_servers", List.of()));
    }

    @Test
    void invalidYamlIsReportedWithItsFileLine() {
        assertThatThrownBy(() -> parse("bad.md", "---\nname: bad\ntriggers: [a, b\n---\nbody"))
                .isInstanceOf(MicroagentFormatException.class)
                .hasMessageContaining("invalid YAML")
                .satisfies(e -> assertThat(((MicroagentFormatException) e).line()).isBetween(3, 4));
        assertThatThrownBy(() -> parse("tab.md", "---\nname: x\n  bad: indentation: here\n---\n"))
                .isInstanceOf(MicroagentFormatException.class)
                .satisfies(e -> assertThat(((MicroagentFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void duplicateKeysAndNonMappingsAreErrors() {
        assertThatThrownBy(() -> parse("dup.md", "---\nname: a\nname: b\n---\n"))
                .isInstanceOf(MicroagentFormatException.class).hasMessageContaining("name")
                .satisfies(e -> assertThat(((MicroagentFormatException) e).line()).isEqualTo(3));
        assertThatThrownBy(() -> parse("list.md", "---\n- a\n- b\n---\n"))
                .isInstanceOf(MicroagentFormatException.class).hasMessageContaining("mapping");
    }

    @Test
    void anUnclosedFrontMatterIsAnErrorOnLineOne() {
        assertThatThrownBy(() -> parse("open.md", "---\nname: x\nbody"))
                .isInstanceOf(MicroagentFormatException.class).hasMessageContaining("never closed")
                .satisfies(e -> assertThat(((MicroagentFormatException) e).line()).isEqualTo(1));
    }

    @Test
    void anUnknownTypeNamesItsLine() {
        assertThatThrownBy(() -> parse("u.md", "---\nname: u\ntype: wizard\n---\n"))
                .isInstanceOf(MicroagentFormatException.class).hasMessageContaining("unknown type 'wizard'")
                .satisfies(e -> assertThat(((MicroagentFormatException) e).line()).isEqualTo(3));
    }

    @Test
    void aKnowledgeAgentWithoutTriggersAndMalformedFieldsAreErrors() {
        assertThatThrownBy(() -> parse("k.md", "---\ntype: knowledge\n---\n")).hasMessageContaining("trigger");
        assertThatThrownBy(() -> parse("t.md", "---\ntriggers:\n  a: b\n---\n")).hasMessageContaining("list");
        assertThatThrownBy(() -> parse("i.md", "---\ninputs:\n  - description: no name\n---\n"))
                .hasMessageContaining("input");
        assertThatThrownBy(() -> parse("n.md", "---\nname: [a, b]\n---\n")).hasMessageContaining("single value");
    }

    @Test
    void aSingleTriggerStringAndNumericTriggersAreAccepted() throws Exception {
        assertThat(parse("s.md", "---\ntriggers: kubernetes\n---\nx").triggers()).containsExactly("kubernetes");
        assertThat(parse("n.md", "---\ntriggers: [2fa, 42]\n---\nx").triggers()).containsExactly("2fa", "42");
    }

    @Test
    void aDashedRuleInTheBodyIsNotFrontMatter() throws Exception {
        Microagent agent = parse("rule.md", "Intro\n---\nname: not-meta\n---\n");
        assertThat(agent.name()).isEqualTo("rule");
        assertThat(agent.content()).contains("name: not-meta");
    }

    @Test
    void thirdPartyFilesAreRepoAgentsReadAsIs() {
        Microagent agent = MicroagentParser.thirdParty(MicroagentSource.REPOSITORY, ".cursorrules", "cursorrules",
                "\uFEFF---\r\nnot: yaml\r\n---\r\nAlways run lint.\r\n");
        assertThat(agent.type()).isEqualTo(MicroagentType.REPO);
        assertThat(agent.content()).isEqualTo("---\nnot: yaml\n---\nAlways run lint.");
    }
}
