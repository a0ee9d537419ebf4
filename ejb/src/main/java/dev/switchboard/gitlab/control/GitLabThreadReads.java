package dev.switchboard.gitlab.control;

import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Reads what a GitLab job's prompt needs: the issue or merge request and the newest notes of the discussion that
 * asked. A lone note is a discussion of its own ({@code individual_note}), and so is the case of a label, which
 * asks outside any discussion: then the newest notes of the whole issue or merge request are the context, read
 * newest first ({@code sort=desc}) so one page holds them. System notes ("added label ...") are left out, and so is
 * the note that asked, which the prompt quotes as the request.
 */
@ApplicationScoped
public class GitLabThreadReads {

    /** Enough for {@link GitLabPrompt#MAX_NOTES} after GitLab's system notes are dropped, in the common case. */
    static final int NOTES_PAGE = 40;

    /**
     * @param notes  the newest notes, oldest of them first
     * @param branch the branch to work on: a merge request's source branch when it lives in the same project, else
     *               null (the default branch)
     */
    public record Thread(String title, String description, List<GitLabPrompt.Note> notes, String branch) {
    }

    @Inject
    PlatformClients clients;

    public Thread read(GitLabAuth auth, GitLabAsk ask) {
        GitLabApi gitlab = clients.gitLab();
        String a = auth.authorization();
        String p = auth.privateToken();
        boolean issue = ask.noteable() == Noteable.ISSUE;
        JsonObject item = object(issue ? gitlab.issue(a, p, ask.projectId(), ask.iid())
                : gitlab.mergeRequest(a, p, ask.projectId(), ask.iid()), ask.noteable().label() + " " + ask.ref());
        List<JsonObject> notes = null;
        if (ask.discussionId() != null) {
            JsonObject discussion = object(issue
                    ? gitlab.issueDiscussion(a, p, ask.projectId(), ask.iid(), ask.discussionId())
                    : gitlab.mergeRequestDiscussion(a, p, ask.projectId(), ask.iid(), ask.discussionId()),
                    "discussion of " + ask.ref());
            if (!discussion.getBoolean("individual_note", false)) {
                notes = objects(discussion.get("notes"));
            }
        }
        if (notes == null) {
            notes = new ArrayList<>(objects(array(issue
                    ? gitlab.issueNotes(a, p, ask.projectId(), ask.iid(), "desc", NOTES_PAGE, 1)
                    : gitlab.mergeRequestNotes(a, p, ask.projectId(), ask.iid(), "desc", NOTES_PAGE, 1),
                    "notes of " + ask.ref())));
            Collections.reverse(notes);
        }
        return new Thread(text(item, "title"), text(item, "description"),
                GitLabPrompt.newest(notes(notes, ask.noteId())), issue ? null : sourceBranch(item));
    }

    /** The discussion's notes as the prompt shows them: neither system notes nor the note that asked. */
    static List<GitLabPrompt.Note> notes(List<JsonObject> oldestFirst, Long askingNoteId) {
        List<GitLabPrompt.Note> notes = new ArrayList<>();
        for (JsonObject note : oldestFirst) {
            if (note.getBoolean("system", false) || Objects.equals(id(note), askingNoteId)) {
                continue;
            }
            JsonObject author = note.get("author") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            notes.add(new GitLabPrompt.Note(author.getString("username", "someone"),
                    GitLabOwnNotes.unmarked(text(note, "body"))));
        }
        return notes;
    }

    static String sourceBranch(JsonObject mergeRequest) {
        JsonValue source = mergeRequest.get("source_project_id");
        JsonValue target = mergeRequest.get("target_project_id");
        if (source instanceof JsonNumber s && target instanceof JsonNumber t && s.longValue() != t.longValue()) {
            return null; // a fork's branch is not in this repository
        }
        String branch = text(mergeRequest, "source_branch");
        return branch.isBlank() ? null : branch;
    }

    private static Long id(JsonObject note) {
        return note.get("id") instanceof JsonNumber n ? n.longValue() : null;
    }

    private static JsonObject object(Response response, String what) {
        try (response) {
            check(response, what);
            return response.readEntity(JsonObject.class);
        }
    }

    private static JsonArray array(Response response, String what) {
        try (response) {
            check(response, what);
            return response.readEntity(JsonArray.class);
        }
    }

    private static void check(Response response, String what) {
        if (response.getStatus() != 200) {
            throw new IllegalStateException("gitlab refused the " + what + " (HTTP " + response.getStatus() + ")");
        }
    }

    private static List<JsonObject> objects(JsonValue value) {
        List<JsonObject> objects = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject object) {
                    objects.add(object);
                }
            }
        }
        return objects;
    }

    private static String text(JsonObject object, String name) {
        return object.get(name) instanceof JsonString s ? s.getString() : "";
    }
}
