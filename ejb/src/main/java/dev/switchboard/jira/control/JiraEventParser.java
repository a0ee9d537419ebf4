package dev.switchboard.jira.control;

import static dev.switchboard.events.control.EventJson.optionalArray;
import static dev.switchboard.events.control.EventJson.optionalString;
import static dev.switchboard.events.control.EventJson.string;

import dev.switchboard.events.control.EventJson;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.jira.control.JiraEvent.Author;
import dev.switchboard.jira.control.JiraEvent.CommentCreated;
import dev.switchboard.jira.control.JiraEvent.IssueLabelAdded;
import dev.switchboard.jira.control.JiraEvent.Unsupported;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads a stored Jira delivery (payload {@code webhookEvent} and payload) into a {@link JiraEvent}. */
public final class JiraEventParser {

    private JiraEventParser() {
    }

    public static JiraEvent parse(String event, String payload) throws MalformedEventException {
        Objects.requireNonNull(event, "event");
        JsonObject root = EventJson.parse(payload);
        return switch (event) {
            case "comment_created" -> commentCreated(root);
            case "jira:issue_updated" -> issueUpdated(root);
            default -> new Unsupported("event '" + event + "' is not handled");
        };
    }

    private static JiraEvent commentCreated(JsonObject root) throws MalformedEventException {
        return new CommentCreated(site(root), string(root, "issue.key"), string(root, "comment.id"),
                string(root, "comment.body"), author(root, "comment.author"));
    }

    private static JiraEvent issueUpdated(JsonObject root) throws MalformedEventException {
        // An update without a changelog is a comment or worklog touching the issue: no field changed.
        Optional<JsonArray> items = optionalArray(root, "changelog.items");
        if (items.isEmpty()) {
            return new Unsupported("issue update without a changelog is not handled");
        }
        Set<String> added = new LinkedHashSet<>();
        boolean labelsChanged = false;
        for (JsonValue item : items.get()) {
            if (!(item instanceof JsonObject change)) {
                throw new MalformedEventException("field 'changelog.items' is not a list of changes");
            }
            if (!"labels".equals(optionalString(change, "field").orElse(null))) {
                continue;
            }
            labelsChanged = true;
            // Jira reports labels as one space-separated string per side; a label cannot contain spaces.
            List<String> before = words(optionalString(change, "fromString").orElse(""));
            words(optionalString(change, "toString").orElse("")).stream()
                    .filter(label -> !before.contains(label))
                    .forEach(added::add);
        }
        if (!labelsChanged) {
            return new Unsupported("issue update without label changes is not handled");
        }
        return new IssueLabelAdded(site(root), string(root, "issue.key"), List.copyOf(added), author(root, "user"));
    }

    private static List<String> words(String labels) {
        return labels.isBlank() ? List.of() : Arrays.asList(labels.trim().split("\\s+"));
    }

    private static Author author(JsonObject root, String path) throws MalformedEventException {
        return new Author(string(root, path + ".accountId"),
                optionalString(root, path + ".displayName").orElse(null),
                optionalString(root, path + ".accountType").orElse(null));
    }

    // The payload does not name the site; the issue's REST URL does. A Data Center site may live under a context
    // path (https://jira.example.com/jira/rest/api/2/issue/10010): what comes before /rest/ is the site.
    private static String site(JsonObject root) throws MalformedEventException {
        String self = string(root, "issue.self");
        try {
            URI uri = new URI(self);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new MalformedEventException("field 'issue.self' is not an absolute URL: " + self);
            }
            String path = uri.getPath() == null ? "" : uri.getPath();
            int rest = path.indexOf("/rest/");
            String contextPath = rest > 0 ? path.substring(0, rest) : "";
            return new URI(uri.getScheme().toLowerCase(Locale.ROOT), null, uri.getHost().toLowerCase(Locale.ROOT),
                    uri.getPort(), contextPath.isEmpty() ? null : contextPath, null, null).toString();
        } catch (URISyntaxException e) {
            throw new MalformedEventException("field 'issue.self' is not a URL: " + self, e);
        }
    }
}
