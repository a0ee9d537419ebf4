package dev.switchboard.gitlab.control;

import dev.switchboard.gitlab.control.GitLabEvent.Noteable;
import dev.switchboard.gitlab.control.GitLabEvent.Position;
import java.util.List;
import java.util.Objects;

/**
 * The agent's first message for a GitLab job: the issue or merge request (title, description), the newest notes
 * of the discussion that asked (at most {@link #MAX_NOTES}: the newest, not the reference's oldest, shown oldest
 * first so they read as a thread), where an inline note sits on the diff, and the request itself. Pure, so it is
 * unit tested.
 */
public final class GitLabPrompt {

    public static final int MAX_NOTES = 10;

    /** One note of the discussion. */
    public record Note(String author, String body) {
    }

    private GitLabPrompt() {
    }

    /**
     * @param notes    the discussion's other notes, oldest first; only the newest {@link #MAX_NOTES} are used
     * @param request  the note that asked, or null when a label did
     * @param position where that note sits on the merge request's diff, else null
     */
    public static String build(String project, Noteable noteable, long iid, String title, String description,
                               List<Note> notes, String requester, String request, Position position) {
        Objects.requireNonNull(project);
        Objects.requireNonNull(noteable);
        StringBuilder prompt = new StringBuilder();
        prompt.append("You were asked to work on GitLab ").append(noteable.label()).append(' ')
                .append(noteable.ref(project, iid)).append(" by @").append(requester).append(".\n\n");
        prompt.append("Title: ").append(blankAs(title, "(none)")).append("\n\n");
        prompt.append("Description:\n").append(blankAs(description, "(empty)")).append('\n');
        List<Note> newest = newest(notes);
        if (!newest.isEmpty()) {
            prompt.append("\nLatest notes of the discussion (oldest first");
            if (notes.size() > newest.size()) {
                prompt.append(", ").append(notes.size() - newest.size()).append(" earlier ones left out");
            }
            prompt.append("):\n");
            for (Note note : newest) {
                prompt.append("\n@").append(note.author()).append(" wrote:\n").append(blankAs(note.body(), "(empty)"))
                        .append('\n');
            }
        }
        if (position != null) {
            prompt.append("\nThe request is an inline note on the merge request's diff, on ").append(position.path());
            if (position.line() != null) {
                prompt.append(", line ").append(position.line());
            }
            prompt.append(".\n");
        }
        if (request != null && !request.isBlank()) {
            prompt.append("\nThe request:\n").append(request.strip()).append('\n');
        } else {
            prompt.append("\nThe ").append(noteable.label()).append(" was labeled for you: work on what it asks.\n");
        }
        return prompt.toString();
    }

    /** The newest {@link #MAX_NOTES} of notes listed oldest first, still oldest first. */
    public static List<Note> newest(List<Note> notes) {
        if (notes == null) {
            return List.of();
        }
        return notes.subList(Math.max(0, notes.size() - MAX_NOTES), notes.size());
    }

    private static String blankAs(String text, String instead) {
        return text == null || text.isBlank() ? instead : text.strip();
    }
}
