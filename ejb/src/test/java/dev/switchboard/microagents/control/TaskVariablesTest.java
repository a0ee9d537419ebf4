package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskVariablesTest {

    @Test
    void variablesAreListedOnceInOrderOfAppearance() {
        assertThat(TaskVariables.in("Bump ${VERSION} in ${FILE}; tag v${VERSION}")).containsExactly("VERSION", "FILE");
    }

    @Test
    void dollarSignsThatAreNotVariablesStayAsTheyAre() {
        String shell = "echo $HOME costs $5 and ${1x} or ${ spaced } or ${unclosed and $$ and $";
        assertThat(TaskVariables.in(shell)).isEmpty();
        assertThat(TaskVariables.substitute(shell, Map.of("HOME", "x"))).isEqualTo(shell);
    }

    @Test
    void givenValuesAreSubstitutedEverywhereAndMissingOnesStay() {
        String content = "Release ${VERSION} of ${PACKAGE}; tag v${VERSION}. Cost: $${AMOUNT}";
        assertThat(TaskVariables.substitute(content, Map.of("VERSION", "2.1.0")))
                .isEqualTo("Release 2.1.0 of ${PACKAGE}; tag v2.1.0. Cost: $${AMOUNT}");
        assertThat(TaskVariables.substitute("${A}", Map.of("A", "$1\\x"))).as("replacement text is literal").isEqualTo("$1\\x");
    }

    @Test
    void valuesAreReadFromNameEqualsValueAndAnswerLines() {
        List<String> names = List.of("VERSION", "PACKAGE", "NOTE");
        Map<String, String> values = TaskVariables.valuesIn(List.of(
                "PACKAGE: core\nsomething else", "@openhands /release VERSION=2.1.0 NOTE=\"first cut\""), names);
        assertThat(values).containsEntry("VERSION", "2.1.0").containsEntry("PACKAGE", "core")
                .containsEntry("NOTE", "first cut");
    }

    @Test
    void aLaterTextWinsAndPrefixesDoNotCount() {
        Map<String, String> values = TaskVariables.valuesIn(List.of("VERSION=1.0", "VERSION=2.0", "MYVERSION=9"),
                List.of("VERSION"));
        assertThat(values).containsExactly(Map.entry("VERSION", "2.0"));
        assertThat(TaskVariables.valuesIn(List.of("the VERSION: is mid-sentence"), List.of("VERSION"))).isEmpty();
    }
}
