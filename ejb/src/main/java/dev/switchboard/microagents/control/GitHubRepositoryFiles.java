package dev.switchboard.microagents.control;

import dev.switchboard.github.control.GitHubApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GitHub repository's files through the git trees API: the root tree (non-recursive) lists the third-party files
 * and leads to the folder's tree, which is then read recursively, so a large repository costs two small listings
 * rather than its whole tree. One instance serves one load.
 */
final class GitHubRepositoryFiles implements RepositoryFiles {

    private final GitHubApi api;
    private final RepositoryAccess repo;
    private List<JsonObject> rootTree;

    GitHubRepositoryFiles(GitHubApi api, RepositoryAccess repo) {
        this.api = api;
        this.repo = repo;
    }

    @Override
    public Optional<String> commitOf(String ref) {
        PlatformAnswer answer = PlatformAnswer.of(() -> api.commit(repo.authorization(), repo.owner(), repo.name(),
                ref == null || ref.isBlank() ? "HEAD" : ref));
        // 422: a ref GitHub cannot resolve to a commit
        if (answer.notFound() || answer.status() == 422) {
            return Optional.empty();
        }
        return Optional.of(answer.expected("GitHub's commit lookup for " + repo).json().asJsonObject().getString("sha"));
    }

    @Override
    public List<String> rootFiles(String commit) {
        return root(commit).stream().filter(e -> "blob".equals(e.getString("type", ""))).map(e -> e.getString("path"))
                .toList();
    }

    @Override
    public List<String> filesUnder(String commit, String folder) {
        String first = folder.contains("/") ? folder.substring(0, folder.indexOf('/')) : folder;
        String rest = folder.contains("/") ? folder.substring(folder.indexOf('/') + 1) + "/" : "";
        Optional<String> treeSha = root(commit).stream()
                .filter(e -> first.equals(e.getString("path")) && "tree".equals(e.getString("type", "")))
                .map(e -> e.getString("sha")).findFirst();
        if (treeSha.isEmpty()) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        for (JsonObject entry : tree(treeSha.get(), true)) {
            String path = entry.getString("path");
            if ("blob".equals(entry.getString("type", "")) && path.startsWith(rest)) {
                files.add(path.substring(rest.length()));
            }
        }
        return files;
    }

    @Override
    public Optional<String> read(String commit, String path) {
        PlatformAnswer answer = PlatformAnswer.of(() -> api.contents(repo.authorization(), repo.owner(), repo.name(),
                path, commit)).expected("GitHub's contents of " + path + " in " + repo);
        if (answer.notFound()) {
            return Optional.empty();
        }
        JsonObject file = answer.json().asJsonObject();
        // files over 1 MB come without content ("encoding": "none"); no microagent is that large
        if (!"base64".equals(file.getString("encoding", ""))) {
            throw new RepositoryReadException(413, path + " is too large to be a microagent");
        }
        return Optional.of(PlatformAnswer.decodedContent(file.getString("content", "")));
    }

    private List<JsonObject> root(String commit) {
        if (rootTree == null) {
            rootTree = tree(commit, false);
        }
        return rootTree;
    }

    private List<JsonObject> tree(String sha, boolean recursive) {
        PlatformAnswer answer = PlatformAnswer.of(() -> api.tree(repo.authorization(), repo.owner(), repo.name(), sha,
                recursive ? "1" : null)).expected("GitHub's tree of " + repo);
        if (answer.notFound()) {
            return List.of();
        }
        List<JsonObject> entries = new ArrayList<>();
        for (JsonValue v : answer.json().asJsonObject().getJsonArray("tree")) {
            entries.add(v.asJsonObject());
        }
        return entries;
    }
}
