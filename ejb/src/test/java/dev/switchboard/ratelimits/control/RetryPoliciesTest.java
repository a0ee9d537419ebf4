package dev.switchboard.ratelimits.control;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.deliveries.entity.Platform;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryPoliciesTest {

    @Test
    void configNamesFollowThePlatformsId() {
        assertThat(RetryPolicies.configNames(Platform.GITHUB)).containsExactly("github.retry.max",
                "github.retry.delay.ms", "github.retry.max.delay.ms", "github.retry.jitter");
        assertThat(RetryPolicies.maxRetriesName(Platform.STRIPE)).isEqualTo("stripe.retry.max");
    }

    @Test
    void overridesReplaceTheNumbers() {
        RetryPolicy merged = RetryPolicies.merge(RetryPolicy.defaults(Platform.GITHUB), Map.of(
                "github.retry.max", "5", "github.retry.delay.ms", "250", "github.retry.max.delay.ms", "8000",
                "github.retry.jitter", "0.5"));

        assertThat(merged.maxRetries()).isEqualTo(5);
        assertThat(merged.baseDelay()).isEqualTo(ofMillis(250));
        assertThat(merged.maxDelay()).isEqualTo(ofSeconds(8));
        assertThat(merged.jitter()).isEqualTo(0.5);
        assertThat(merged.delayKind()).isEqualTo(DelayKind.EXPONENTIAL);
        assertThat(merged.retriedOn()).isEqualTo(RetryPolicy.defaults(Platform.GITHUB).retriedOn());
        assertThat(merged.backoff().delay(6)).isEqualTo(ofSeconds(8));
    }

    @Test
    void anOverrideChangesOnlyWhatItNames() {
        RetryPolicy merged = RetryPolicies.merge(RetryPolicy.defaults(Platform.JIRA), Map.of("jira.retry.max", "0"));

        assertThat(merged).isEqualTo(new RetryPolicy(Platform.JIRA, 0, DelayKind.LINEAR, ofSeconds(2), ofSeconds(30),
                0.25, RetryPolicy.defaults(Platform.JIRA).retriedOn()));
    }

    @Test
    void otherPlatformsOverridesAreIgnored() {
        assertThat(RetryPolicies.merge(RetryPolicy.defaults(Platform.SLACK),
                Map.of("github.retry.max", "9", "slack.retry.maximum", "9")))
                .isEqualTo(RetryPolicy.defaults(Platform.SLACK));
    }

    @Test
    void invalidValuesKeepTheDefault() {
        RetryPolicy merged = RetryPolicies.merge(RetryPolicy.defaults(Platform.GITLAB), Map.of(
                "gitlab.retry.max", "-1", "gitlab.retry.delay.ms", "two seconds", "gitlab.retry.max.delay.ms", " ",
                "gitlab.retry.jitter", "1.5"));

        assertThat(merged).isEqualTo(RetryPolicy.defaults(Platform.GITLAB));
    }

    @Test
    void valuesAreTrimmed() {
        assertThat(RetryPolicies.merge(RetryPolicy.defaults(Platform.STRIPE), Map.of("stripe.retry.max", " 4 "))
                .maxRetries()).isEqualTo(4);
    }
}
