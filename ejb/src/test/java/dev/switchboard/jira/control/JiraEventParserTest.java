package dev.switchboard.jira.control;

import static dev.switchboard.testing.Fixtures.event;
import static dev.switchboard.testing.Fixtures.with;
import static dev.switchboard.testing.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jira.control.JiraEvent.Author;
import dev.switchboard.jira.control.JiraEvent.CommentCreated;
import dev.switchboard.jira.control.JiraEvent.IssueLabelAdded;
import dev.switchboard.jira.control.JiraEvent.Unsupported;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JiraEventParserTest {

    @Test
    void readsACreatedComment() throws Exception {
        CommentCreated parsed = (CommentCreated) JiraEventParser.parse("comment_created",
                event("jira/comment_created.json"));

        assertThat(parsed.site()).isEqualTo("https://acme.atlassian.net");
        assertThat(parsed.issueKey()).isEqualTo("BILL-128");
        assertThat(parsed.commentId()).isEqualTo("10317");
        assertThat(parsed.author()).isEqualTo(new Author("5b10ac8d82e05b22cc7d4ef5", "Priya Raman", "atlassian"));
        assertThat(parsed.body()).startsWith("{quote}Export fails").endsWith("CSV exporter in acme/billing.");
    }

    @Test
    void keepsAnExplicitPortInTheSite() throws Exception {
        String payload = with(event("jira/comment_created.json"), "/issue/self",
                "http://jira.internal:8080/rest/api/2/10042");

        assertThat(((CommentCreated) JiraEventParser.parse("comment_created", payload)).site())
                .isEqualTo("http://jira.internal:8080");
    }

    @Test
    void keepsADataCenterContextPathAndLowerCasesTheHost() throws Exception {
        String payload = with(event("jira/comment_created.json"), "/issue/self",
                "https://Jira.Example.com/jira/rest/api/2/issue/10042");

        assertThat(((CommentCreated) JiraEventParser.parse("comment_created", payload)).site())
                .isEqualTo("https://jira.example.com/jira");
    }

    @Test
    void readsTheLabelsAddedInTheChangelog() throws Exception {
        assertThat(JiraEventParser.parse("jira:issue_updated", event("jira/jira_issue_updated.labels.json")))
                .isEqualTo(new IssueLabelAdded("https://acme.atlassian.net", "BILL-128", List.of("openhands"),
                        new Author("6120f3e5c2a1b10069a7d3e2", "Tomás Ortega", "atlassian")));
    }

    @Test
    void severalLabelsAddedAtOnceAreSplitOnSpaces() throws Exception {
        String payload = with(with(event("jira/jira_issue_updated.labels.json"),
                "/changelog/items/0/fromString", JsonValue.NULL),
                "/changelog/items/0/toString", "backend  openhands csv");

        assertThat(((IssueLabelAdded) JiraEventParser.parse("jira:issue_updated", payload)).added())
                .containsExactly("backend", "openhands", "csv");
    }

    @Test
    void anUpdateWithoutLabelChangesIsUnsupported() throws Exception {
        String payload = without(event("jira/jira_issue_updated.labels.json"), "/changelog/items/0");

        assertThat(JiraEventParser.parse("jira:issue_updated", payload))
                .isEqualTo(new Unsupported("issue update without label changes is not handled"));
    }

    @Test
    void anUpdateWithoutChangelogIsUnsupported() throws Exception {
        String payload = without(event("jira/jira_issue_updated.labels.json"), "/changelog");

        assertThat(JiraEventParser.parse("jira:issue_updated", payload))
                .isEqualTo(new Unsupported("issue update without a changelog is not handled"));
    }

    @Test
    void otherEventsAreUnsupported() throws Exception {
        assertThat(JiraEventParser.parse("comment_updated", event("jira/comment_created.json")))
                .isEqualTo(new Unsupported("event 'comment_updated' is not handled"));
    }

    @ParameterizedTest
    @CsvSource({
            "comment_created, jira/comment_created.json, /comment/body, comment.body",
            "comment_created, jira/comment_created.json, /comment/author/accountId, comment.author.accountId",
            "comment_created, jira/comment_created.json, /issue/key, issue.key",
            "comment_created, jira/comment_created.json, /issue/self, issue.self",
            "jira:issue_updated, jira/jira_issue_updated.labels.json, /user, user.accountId",
            "jira:issue_updated, jira/jira_issue_updated.labels.json, /issue/key, issue.key",
    })
    void aMissingRequiredFieldIsMalformed(String type, String fixture, String pointer, String field) {
        String payload = without(event(fixture), pointer);

        assertThatThrownBy(() -> JiraEventParser.parse(type, payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("required field '" + field + "' is missing");
    }

    @Test
    void aRelativeIssueUrlIsMalformed() {
        String payload = with(event("jira/comment_created.json"), "/issue/self", "/rest/api/2/10042");

        assertThatThrownBy(() -> JiraEventParser.parse("comment_created", payload))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("issue.self");
    }
}
