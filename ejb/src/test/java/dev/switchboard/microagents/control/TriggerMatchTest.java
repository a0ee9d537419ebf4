package dev.switchboard.microagents.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriggerMatchTest {

    @ParameterizedTest(name = "{0} in \"{1}\" → {2}")
    @CsvSource(delimiter = '|', value = {
        "git|please use git here|true",
        "git|Git rebase it|true",
        "git|GIT.|true",
        "git|our digital plan|false",
        "git|gitlab pipeline|false",
        "git|git_hooks|false",
        "git|(git)|true",
        "pull request|open a Pull Request please|true",
        "pull request|open a pull  request|false",
        "c++|rewrite it in C++!|true",
        "c++|rewrite it in c+|false",
        "/release|@openhands /release now|true",
        "/release|/releases|false",
        "k8s|deploy to k8s,now|true",
        "café|un Café noir|true",
        "café|cafés|false",
        "über|Über alles|true",
        "über|darüber|false",
        "straße|die STRASSE|false",
        "部署|请部署到生产环境|true",
        "部署|请发布|false",
        "日本|日本語のドキュメント|true",
        "ошибка|Исправь ОШИБКА в тесте|true",
        "ошибка|ошибками|false",
        "docker|docker-compose up|true",
    })
    void matchesAtWordBoundariesCaseInsensitively(String trigger, String message, boolean expected) {
        assertThat(TriggerMatch.occursIn(trigger, message)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"'   '|anything", "git|''"})
    void blankTriggersOrMessagesNeverMatch(String trigger, String message) {
        assertThat(TriggerMatch.occursIn(trigger, message)).isFalse();
    }
}
