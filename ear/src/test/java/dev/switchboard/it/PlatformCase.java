package dev.switchboard.it;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/** How to make valid and properly signed requests for one platform, for tests that cover all five. */
public record PlatformCase(String platform, String signatureHeader, Function<String, Sample> valid,
                           BiFunction<String, byte[], Map<String, String>> signedHeaders, boolean bodySigned) {

    public Sample fresh() {
        return valid.apply(platform + "-" + UUID.randomUUID());
    }

    /** A request for a fresh delivery id whose (arbitrary) body is signed correctly. */
    public Sample signed(byte[] body) {
        Sample template = fresh();
        return new Sample(platform, template.path(), template.deliveryId(),
                signedHeaders.apply(template.deliveryId(), body), body);
    }

    @Override
    public String toString() {
        return platform;
    }

    public static List<PlatformCase> all() {
        return List.of(
                new PlatformCase("github", "X-Hub-Signature-256", id -> Sample.githubIssueComment(id, "hello"),
                        (id, body) -> Signed.github("issue_comment", id, body), true),
                new PlatformCase("gitlab", "X-Gitlab-Token", Sample::gitlabNote,
                        (id, body) -> Signed.gitlab("Note Hook", id), false),
                new PlatformCase("jira", "X-Hub-Signature", Sample::jiraComment, Signed::jira, true),
                new PlatformCase("slack", "X-Slack-Signature", Sample::slackAppMention,
                        (id, body) -> Signed.slack(body, Signed.now(), "application/json"), true),
                new PlatformCase("stripe", "Stripe-Signature", Sample::stripeCustomerCreated,
                        (id, body) -> Signed.stripe(body, Signed.now()), true));
    }
}
