package dev.switchboard.microagents.control;

import dev.switchboard.gitlab.control.GitLabApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A GitLab project's files: the repository tree API (paginated by {@code X-Next-Page}) and the files API. The
 * project is found by its path unless its id is known; its default branch stands in for a missing ref. One instance
 * serves one load.
 */
final class GitLabRepositoryFiles implements RepositoryFiles {

    private static final int PER_PAGE = 100;
    /** A safety stop: a microagent folder of more than 5,000 entries is not one to read. */
    private static final int MAX_PAGES = 50;

    private final GitLabApi api;
    private final RepositoryAccess repo;
    private final String authorization;
    private final String privateToken;
    private Long projectId;
    private String defaultBranch;

    GitLabRepositoryFiles(GitLabApi api, RepositoryAccess repo) {
        this.api = api;
        this.repo = repo;
        this.authorization = repo.authorizationHeader();
        this.privateToken = repo.privateTokenHeader();
        this.projectId = repo.gitLabProjectId();
    }

    @Override
    public Optional<String> commitOf(String ref) {
        if (!project()) {
            return Optional.empty();
        }
        String wanted = ref == null || ref.isBlank() ? defaultBranch : ref;
        if (wanted == null) {
            return Optional.empty(); // an empty project has no default branch yet
        }
        PlatformAnswer answer = PlatformAnswer.of(() -> api.commit(authorization, privateToken, projectId, wanted))
                .expected("GitLab's commit lookup for " + repo);
        return answer.notFound() ? Optional.empty() : Optional.of(answer.json().asJsonObject().getString("id"));
    }

    @Override
    public List<String> rootFiles(String commit) {
        return entries(commit, null, false).stream().map(e -> e.getString("path")).toList();
    }

    @Override
    public List<String> filesUnder(String commit, String folder) {
        String prefix = folder + "/";
        return entries(commit, folder, true).stream().map(e -> e.getString("path"))
                .filter(path -> path.startsWith(prefix)).map(path -> path.substring(prefix.length())).toList();
    }

    @Override
    public Optional<String> read(String commit, String path) {
        PlatformAnswer answer = PlatformAnswer.of(() -> api.file(authorization, privateToken, projectId, path, commit))
                .expected("GitLab's file " + path + " in " + repo);
        if (answer.notFound()) {
            return Optional.empty();
        }
        return Optional.of(PlatformAnswer.decodedContent(answer.json().asJsonObject().getString("content", "")));
    }

    /** Finds the project (id and default branch); false when GitLab does not know it or hides it. */
    private boolean project() {
        if (defaultBranch != null) {
            return true;
        }
        PlatformAnswer answer = PlatformAnswer.of(() -> projectId != null
                ? api.project(authorization, privateToken, projectId)
                : api.projectByPath(authorization, privateToken, repo.fullName())).expected("GitLab's project " + repo);
        if (answer.notFound()) {
            return false;
        }
        JsonObject project = answer.json().asJsonObject();
        projectId = project.getJsonNumber("id").longValue();
        defaultBranch = project.isNull("default_branch") ? null : project.getString("default_branch", null);
        return true;
    }

    /** Blob entries below {@code path} (null: the root), over every page. */
    private List<JsonObject> entries(String commit, String path, boolean recursive) {
        List<JsonObject> blobs = new ArrayList<>();
        Integer page = 1;
        for (int pages = 0; page != null && pages < MAX_PAGES; pages++) {
            int current = page;
            PlatformAnswer answer = PlatformAnswer.of(() -> api.tree(authorization, privateToken, projectId, path, commit,
                    recursive ? Boolean.TRUE : null, PER_PAGE, current)).expected("GitLab's tree of " + repo);
            if (answer.notFound()) {
                return blobs;
            }
            for (JsonValue v : answer.json().asJsonArray()) {
                if ("blob".equals(v.asJsonObject().getString("type", ""))) {
                    blobs.add(v.asJsonObject());
                }
            }
            OptionalInt next = dev.switchboard.gitlab.control.GitLabPagination.nextPage(answer.nextPage());
            page = next.isPresent() ? next.getAsInt() : null;
        }
        return blobs;
    }
}
