package dev.switchboard.gitlab.control;

import static dev.switchboard.events.control.EventJson.array;
import static dev.switchboard.events.control.EventJson.flag;
import static dev.switchboard.events.control.EventJson.number;
import static dev.switchboard.events.control.EventJson.optionalNumber;
import static dev.switchboard.events.control.EventJson.optionalObject;
import static dev.switchboard.events.control.EventJson.optionalString;
import static dev.switchboard.events.control.EventJson.string;

import dev.switchboard.events.control.EventJson;
import dev.switchboard.events.control.MalformedEventException;
import dev.switchboard.gitlab.control.GitLabEvent.Author;
import dev.switchboard.gitlab.control.GitLabEvent.IssueLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.MergeRequestLabeled;
import dev.switchboard.gitlab.control.GitLabEvent.Note;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.gitlab.control.GitLabEvent.Position;
import dev.switchboard.gitlab.control.GitLabEvent.Unsupported;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Reads a stored GitLab delivery (payload {@code object_kind} and payload) into a {@link GitLabEvent}. */
public final class GitLabEventParser {

    private GitLabEventParser() {
    }

    public static GitLabEvent parse(String event, String payload) throws MalformedEventException {
        Objects.requireNonNull(event, "event");
        JsonObject root = EventJson.parse(payload);
        return switch (event) {
            // Confidential notes arrive through the "Confidential Note Hook"; older setups store that kind.
            case "note", "confidential_note" -> note(root);
            case "issue" -> labels(root, Noteable.ISSUE);
            case "merge_request" -> labels(root, Noteable.MERGE_REQUEST);
            default -> new Unsupported("event '" + event + "' is not handled");
        };
    }

    private static GitLabEvent note(JsonObject root) throws MalformedEventException {
        String noteableType = string(root, "object_attributes.noteable_type");
        Noteable noteable;
        long iid;
        switch (noteableType) {
            case "Issue" -> {
                noteable = Noteable.ISSUE;
                iid = number(root, "issue.iid");
            }
            case "MergeRequest" -> {
                noteable = Noteable.MERGE_REQUEST;
                iid = number(root, "merge_request.iid");
            }
            default -> {
                return new Unsupported("note on " + noteableType + " is not handled");
            }
        }
        if (flag(root, "object_attributes.system")) {
            return new Unsupported("system note is not handled");
        }
        return new Note(project(root), number(root, "project.id"), noteable, iid, number(root, "object_attributes.id"),
                optionalString(root, "object_attributes.discussion_id").orElse(null),
                string(root, "object_attributes.note"), author(root), position(root));
    }

    // Diff notes carry "position"; GitLab also sends "change_position" (the position on the latest diff).
    private static Position position(JsonObject root) throws MalformedEventException {
        Optional<JsonObject> position = optionalObject(root, "object_attributes.position");
        if (position.isEmpty()) {
            position = optionalObject(root, "object_attributes.change_position");
        }
        if (position.isEmpty()) {
            return null;
        }
        JsonObject at = position.get();
        // A note on a removed line only has the old side.
        String path = optionalString(at, "new_path").orElse(null);
        if (path == null) {
            path = optionalString(at, "old_path").orElse(null);
        }
        if (path == null) {
            throw new MalformedEventException("required field 'object_attributes.position.new_path' is missing");
        }
        Long line = optionalNumber(at, "new_line").orElse(null);
        if (line == null) {
            line = optionalNumber(at, "old_line").orElse(null);
        }
        return new Position(path, line);
    }

    private static GitLabEvent labels(JsonObject root, Noteable kind) throws MalformedEventException {
        if (optionalObject(root, "changes.labels").isEmpty()) {
            return new Unsupported(kind.label() + " event without label changes is not handled");
        }
        Set<String> added = new LinkedHashSet<>(titles(root, "changes.labels.current"));
        added.removeAll(titles(root, "changes.labels.previous"));
        String project = project(root);
        long projectId = number(root, "project.id");
        long iid = number(root, "object_attributes.iid");
        Author author = author(root);
        return kind == Noteable.ISSUE
                ? new IssueLabeled(project, projectId, iid, List.copyOf(added), author)
                : new MergeRequestLabeled(project, projectId, iid, List.copyOf(added), author);
    }

    private static List<String> titles(JsonObject root, String path) throws MalformedEventException {
        List<String> titles = new ArrayList<>();
        for (JsonValue label : array(root, path)) {
            if (!(label instanceof JsonObject object)) {
                throw new MalformedEventException("field '" + path + "' is not a list of labels");
            }
            titles.add(string(object, "title"));
        }
        return titles;
    }

    private static String project(JsonObject root) throws MalformedEventException {
        return string(root, "project.path_with_namespace");
    }

    private static Author author(JsonObject root) throws MalformedEventException {
        return new Author(optionalNumber(root, "user.id").orElse(null), string(root, "user.username"),
                flag(root, "user.bot"));
    }
}
