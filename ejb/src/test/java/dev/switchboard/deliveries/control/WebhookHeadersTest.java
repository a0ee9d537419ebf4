package dev.switchboard.deliveries.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookHeadersTest {

    private final WebhookHeaders headers = WebhookHeaders.of(Map.of(
            "X-GitHub-Event", List.of("issue_comment"),
            "x-gitlab-token", List.of("s3cret"),
            "Authorization", List.of("Bearer abc"),
            "Cookie", List.of("session=1"),
            "X-Empty", List.of("  ")));

    @Test
    void namesAreCaseInsensitiveAndBlankValuesAbsent() {
        assertThat(headers.first("x-github-event")).contains("issue_comment");
        assertThat(headers.first("X-Empty")).isEmpty();
        assertThat(headers.first("X-Missing")).isEmpty();
    }

    @Test
    void credentialsAreNeverKeptForStorage() {
        Map<String, List<String>> kept = headers.withoutSecrets();
        assertThat(kept).containsKeys("x-github-event").doesNotContainKeys("x-gitlab-token", "authorization", "cookie");
        assertThat(WebhookReception.headersJson(headers)).doesNotContain("s3cret").doesNotContain("Bearer");
    }
}
