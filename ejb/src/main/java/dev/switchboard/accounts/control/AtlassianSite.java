package dev.switchboard.accounts.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One Atlassian site the user granted the app access to. Jira Cloud REST calls go to
 * {@code https://api.atlassian.com/ex/jira/{cloudId}/rest/api/...}, so the cloud id is what a linked
 * account needs next to its token.
 */
public record AtlassianSite(String cloudId, String url, String name, List<String> scopes) {

    public AtlassianSite {
        scopes = List.copyOf(scopes);
    }

    /** {@code GET /oauth/token/accessible-resources}: a JSON array, empty when no site was granted. */
    public static List<AtlassianSite> parseAccessibleResources(String body) throws OAuthProviderException {
        JsonArray array = ResponseFields.jsonArray(OAuthProvider.JIRA, body);
        List<AtlassianSite> sites = new ArrayList<>();
        for (JsonValue value : array) {
            if (!(value instanceof JsonObject object)) {
                throw OAuthProviderException.malformed(OAuthProvider.JIRA, 200,
                        "an accessible resource is not a JSON object");
            }
            ResponseFields site = ResponseFields.of(OAuthProvider.JIRA, object);
            sites.add(new AtlassianSite(site.string("id"), site.string("url"),
                    site.optionalString("name").orElse(null), site.stringList("scopes")));
        }
        return List.copyOf(sites);
    }
}
