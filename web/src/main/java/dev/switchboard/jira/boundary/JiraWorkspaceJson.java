package dev.switchboard.jira.boundary;

import static dev.switchboard.api.boundary.JsonFields.nullable;

import dev.switchboard.jira.control.JiraMyself;
import dev.switchboard.jira.control.JiraWorkspaces;
import dev.switchboard.api.boundary.JsonBody;
import dev.switchboard.json.Jsons;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** The admin API's Jira workspace JSON: reading requests (400 on anything else) and writing answers. */
final class JiraWorkspaceJson {

    private JiraWorkspaceJson() {
    }

    static JsonObject object(String body) {
        return JsonBody.object(body);
    }

    static String string(JsonObject json, String name) {
        return JsonBody.string(json, name);
    }

    static JsonObjectBuilder workspace(JiraWorkspaces.Workspace w) {
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("id", w.id()).add("siteUrl", w.siteUrl());
        nullable(json, "cloudId", w.cloudId());
        json.add("kind", w.kind().id());
        nullable(json, "serviceAccountEmail", w.serviceAccountEmail());
        json.add("hasServiceAccountToken", w.hasServiceAccountToken());
        return nullable(json, "createdAt", w.createdAt());
    }

    /** Cloud answers with {@code accountId}, Data Center with {@code key} and {@code name}; the email when Jira shows it. */
    static JsonObjectBuilder verification(JiraWorkspaces.Verification v) {
        JiraMyself me = v.myself();
        JsonObjectBuilder json = Jsons.createObjectBuilder().add("workspaceId", v.workspace().id())
                .add("kind", v.workspace().kind().id());
        optional(json, "accountId", me.accountId());
        optional(json, "key", me.key());
        optional(json, "name", me.name());
        nullable(json, "displayName", me.displayName());
        return optional(json, "emailAddress", me.emailAddress());
    }

    private static JsonObjectBuilder optional(JsonObjectBuilder json, String name, String value) {
        return value == null ? json : json.add(name, value);
    }
}
