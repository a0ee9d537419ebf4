package dev.switchboard.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One webhook request as a platform would send it: where to, headers, raw body, and the delivery id
 * Switchboard should store it under. Payloads follow the platforms' documented shapes.
 */
public record Sample(String platform, String path, String deliveryId, Map<String, String> headers, byte[] body) {

    public HttpResponse<String> send() {
        return Server.post(path, headers, body);
    }

    /** Sends it, expects 202 Accepted and answers Switchboard's id of the stored delivery. */
    public String accepted() {
        HttpResponse<String> response = send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return WebhookIntakeIT.json(response.body()).getString("id");
    }

    public Sample withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (value == null) {
            h.remove(name);
        } else {
            h.put(name, value);
        }
        return new Sample(platform, path, deliveryId, h, body);
    }

    /** The same request with these headers instead, e.g. signed again at another time. */
    public Sample withHeaders(Map<String, String> newHeaders) {
        return new Sample(platform, path, deliveryId, new LinkedHashMap<>(newHeaders), body);
    }

    public Sample withBody(byte[] newBody) {
        return new Sample(platform, path, deliveryId, headers, newBody);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static Sample githubIssueComment(String deliveryId, String commentBody) {
        byte[] body = utf8("""
                {"action":"created",
                 "issue":{"number":7,"title":"Flaky test in CI","body":"It fails one run in five.","state":"open",
                          "user":{"login":"octocat","id":1,"type":"User"},"labels":[]},
                 "comment":{"id":%d,"body":%s,"user":{"login":"octocat","id":1,"type":"User"},
                            "html_url":"https://github.com/acme/api/issues/7#issuecomment-1"},
                 "repository":{"id":1296269,"name":"api","full_name":"acme/api","private":false,
                               "owner":{"login":"acme","id":9,"type":"Organization"}},
                 "sender":{"login":"octocat","id":1,"type":"User"},
                 "installation":{"id":4242,"node_id":"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg=="}}
                """.formatted(Math.abs(deliveryId.hashCode()), jsonString(commentBody)));
        return new Sample("github", "/api/webhooks/github", deliveryId,
                Signed.github("issue_comment", deliveryId, body), body);
    }

    /**
     * A poison delivery: an issue_comment without its comment, signed and well-formed, so intake accepts it, but the
     * GitHub manager cannot read it and throws at every attempt until the delivery is DEAD.
     */
    public static Sample githubPoison(String deliveryId) {
        byte[] body = utf8("""
                {"action":"created","issue":{"number":7,"title":"t"},
                 "repository":{"full_name":"acme/api"},"sender":{"login":"octocat","type":"User"}}
                """);
        return new Sample("github", "/api/webhooks/github", deliveryId,
                Signed.github("issue_comment", deliveryId, body), body);
    }

    /**
     * "@openhands please look" on issue {@code number} of {@code fullName} by octocat, who may write there (see
     * {@link ProviderStubs#octocatMayWrite}) but has linked no account: each delivery's one effect is a comment
     * asking octocat to connect an account.
     */
    public static Sample githubMention(String fullName, int number, String deliveryId) {
        String[] name = fullName.split("/");
        byte[] body = utf8("""
                {"action":"created",
                 "issue":{"number":%d,"title":"Issue %d","body":"","state":"open",
                          "user":{"login":"octocat","id":1,"type":"User"},"labels":[]},
                 "comment":{"id":%d,"body":"@openhands please look","user":{"login":"octocat","id":1,"type":"User"}},
                 "repository":{"id":%d,"name":"%s","full_name":"%s","private":false,
                               "owner":{"login":"%s","id":9,"type":"Organization"}},
                 "sender":{"login":"octocat","id":1,"type":"User"},
                 "installation":{"id":4242}}
                """.formatted(number, number, Math.abs((long) deliveryId.hashCode()), Math.abs(fullName.hashCode()),
                name[1], fullName, name[0]));
        return new Sample("github", "/api/webhooks/github", deliveryId,
                Signed.github("issue_comment", deliveryId, body), body);
    }

    public static Sample githubPing(String deliveryId) {
        byte[] body = utf8("""
                {"zen":"Keep it logically awesome.","hook_id":4242,
                 "hook":{"type":"Repository","id":4242,"active":true,"events":["issue_comment","issues"]},
                 "repository":{"id":1296269,"full_name":"acme/api"},"sender":{"login":"octocat","type":"User"}}
                """);
        return new Sample("github", "/api/webhooks/github", deliveryId, Signed.github("ping", deliveryId, body), body);
    }

    public static Sample gitlabNote(String uuid) {
        byte[] body = utf8("""
                {"object_kind":"note","event_type":"note",
                 "user":{"id":1,"name":"Jane Doe","username":"jdoe","bot":false},
                 "project_id":5,
                 "project":{"id":5,"name":"api","path_with_namespace":"acme/api","web_url":"https://gitlab.example.com/acme/api"},
                 "object_attributes":{"id":1244,"note":"@openhands please rebase this","noteable_type":"Issue",
                                      "author_id":1,"project_id":5,"url":"https://gitlab.example.com/acme/api/-/issues/17#note_1244"},
                 "issue":{"id":92,"iid":17,"title":"Rebase needed","state":"opened"}}
                """);
        return new Sample("gitlab", "/api/webhooks/gitlab", uuid, Signed.gitlab("Note Hook", uuid), body);
    }

    public static Sample jiraComment(String identifier) {
        byte[] body = utf8("""
                {"timestamp":1732700000000,"webhookEvent":"comment_created",
                 "comment":{"id":"10001","self":"https://acme.atlassian.net/rest/api/2/issue/10010/comment/10001",
                            "body":"@openhands can you look at this?",
                            "author":{"accountId":"5b10ac8d82e05b22cc7d4ef5","displayName":"Mia Krystof"}},
                 "issue":{"id":"10010","key":"API-7","self":"https://acme.atlassian.net/rest/api/2/issue/10010",
                          "fields":{"summary":"Flaky test","labels":[]}}}
                """);
        return new Sample("jira", "/api/webhooks/jira", identifier, Signed.jira(identifier, body), body);
    }

    public static Sample slackAppMention(String eventId) {
        byte[] body = utf8("""
                {"token":"ZZZZZZWSxiZZZ2yIvs3peJ","team_id":"T123ABC456","api_app_id":"A123ABC456",
                 "event":{"type":"app_mention","user":"U123ABC456","text":"<@U0LAN0Z89> fix the flaky test in acme/api",
                          "ts":"1515449522.000016","channel":"C123ABC456","event_ts":"1515449522000016"},
                 "type":"event_callback","event_id":"%s","event_time":1515449522,
                 "authorizations":[{"team_id":"T123ABC456","user_id":"U0LAN0Z89","is_bot":true}]}
                """.formatted(eventId));
        return new Sample("slack", "/api/webhooks/slack/events", eventId,
                Signed.slack(body, Signed.now(), "application/json"), body);
    }

    public static Sample slackUrlVerification(String challenge) {
        byte[] body = utf8("""
                {"token":"Jhj5dZrVaK7ZwHHjRyZWjbDl","challenge":"%s","type":"url_verification"}
                """.formatted(challenge));
        return new Sample("slack", "/api/webhooks/slack/events", null,
                Signed.slack(body, Signed.now(), "application/json"), body);
    }

    public static Sample slackBlockActions(String value) {
        String json = """
                {"type":"block_actions","team":{"id":"T123ABC456","domain":"acme"},
                 "user":{"id":"U123ABC456","username":"mia","team_id":"T123ABC456"},
                 "api_app_id":"A123ABC456","trigger_id":"66.7.%s",
                 "container":{"type":"message","message_ts":"1515449522.000016","channel_id":"C123ABC456"},
                 "channel":{"id":"C123ABC456","name":"dev"},
                 "actions":[{"action_id":"repository_select","block_id":"repo","type":"static_select",
                             "selected_option":{"text":{"type":"plain_text","text":"acme/api"},"value":"%s"},
                             "action_ts":"1515449530.000100"}]}
                """.formatted(value.hashCode(), value);
        byte[] body = utf8("payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
        return new Sample("slack", "/api/webhooks/slack/interactions", null,
                Signed.slack(body, Signed.now(), "application/x-www-form-urlencoded"), body);
    }

    public static Sample stripeCustomerCreated(String eventId) {
        byte[] body = utf8("""
                {"id":"%s","object":"event","api_version":"2024-06-20","created":1732700000,
                 "data":{"object":{"id":"cus_Qx1","object":"customer","email":"octocat@example.com",
                                   "metadata":{"user_id":"github:octocat"}}},
                 "livemode":false,"pending_webhooks":1,"request":{"id":"req_1","idempotency_key":null},
                 "type":"customer.created"}
                """.formatted(eventId));
        return new Sample("stripe", "/api/webhooks/stripe", eventId, Signed.stripe(body, Signed.now()), body);
    }

    static String jsonString(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
