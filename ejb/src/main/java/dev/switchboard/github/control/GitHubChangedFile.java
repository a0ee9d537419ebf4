package dev.switchboard.github.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * One file a pull request changes, as GitHub lists it ({@code GET /repos/{o}/{r}/pulls/{n}/files}).
 *
 * @param patch the file's unified diff hunks; null when GitHub gives none (binary files, very large diffs)
 */
public record GitHubChangedFile(String filename, String status, int additions, int deletions, String patch,
                                String previousFilename) {

    /** One page of GitHub's listing; entries without a file name are skipped. */
    static List<GitHubChangedFile> listOf(JsonArray page) {
        List<GitHubChangedFile> files = new ArrayList<>();
        for (JsonValue value : page) {
            if (!(value instanceof JsonObject file) || !(file.get("filename") instanceof JsonString name)) {
                continue;
            }
            files.add(new GitHubChangedFile(name.getString(), file.getString("status", "modified"),
                    file.getInt("additions", 0), file.getInt("deletions", 0),
                    file.get("patch") instanceof JsonString patch ? patch.getString() : null,
                    file.get("previous_filename") instanceof JsonString previous ? previous.getString() : null));
        }
        return files;
    }
}
