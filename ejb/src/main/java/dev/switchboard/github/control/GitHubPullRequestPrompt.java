package dev.switchboard.github.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The part of a pull request job's prompt that an issue's lacks: which branch the conversation starts on (and,
 * for a fork, how to get at the changes), the inline comment's review thread, and the changed files with their
 * patches. Patches are capped in total so a large pull request cannot crowd out the request itself: whole patches
 * are kept while they fit, the commented file's first, and the prompt says which were left out. Pure, so it is
 * unit tested.
 */
public final class GitHubPullRequestPrompt {

    /** Characters of patch text at most (about 15k tokens). */
    public static final int MAX_PATCH_CHARS = 60_000;

    /** Files named at most; a listing longer than this says how many more there are. */
    public static final int MAX_LISTED_FILES = 300;

    private GitHubPullRequestPrompt() {
    }

    /**
     * @param files         the changed files in GitHub's order
     * @param listingCut    whether Switchboard stopped reading GitHub's listing before its end
     * @param thread        the inline comment's review thread, or null
     * @param commentedPath the inline comment's file, whose patch comes first; null otherwise
     */
    public static String section(GitHubPullRequest pullRequest, List<GitHubChangedFile> files, boolean listingCut,
                                 GitHubReviewThreads.Thread thread, String commentedPath, int maxPatchChars) {
        Objects.requireNonNull(pullRequest);
        StringBuilder text = new StringBuilder();
        branch(text, pullRequest);
        if (thread != null) {
            thread(text, thread);
        }
        files(text, pullRequest, first(files, commentedPath), listingCut, maxPatchChars);
        return text.toString();
    }

    private static void branch(StringBuilder text, GitHubPullRequest pr) {
        text.append("\nBranch: ");
        if (!pr.fromFork()) {
            text.append("you are on `").append(pr.headRef()).append("`, the pull request's head branch (it merges into `")
                    .append(pr.baseRef()).append("`); commit and push your changes to it.\n");
            return;
        }
        String fork = pr.headRepository() == null ? "a fork that no longer exists"
                : "the fork " + pr.headRepository() + " (branch `" + pr.headRef() + "`)";
        text.append("the pull request comes from ").append(fork).append(", which this repository does not hold, so you")
                .append(" are on its base branch `").append(pr.baseRef()).append("`. Get its changes with `git fetch ")
                .append("origin pull/").append(pr.number()).append("/head:pr-").append(pr.number())
                .append("` and `git checkout pr-").append(pr.number()).append("`. The fork cannot be pushed to: push")
                .append(" your changes to a new branch of this repository and name it in your answer.\n");
    }

    private static void thread(StringBuilder text, GitHubReviewThreads.Thread thread) {
        text.append("\nThe review thread of the inline comment, on ").append(thread.path());
        if (thread.line() != null) {
            text.append(", line ").append(thread.line());
        }
        List<String> flags = new ArrayList<>();
        if (thread.resolved()) {
            flags.add("resolved");
        }
        if (thread.outdated()) {
            flags.add("outdated: the code moved on since");
        }
        if (!flags.isEmpty()) {
            text.append(" (").append(String.join("; ", flags)).append(')');
        }
        text.append(":\n");
        for (GitHubPrompt.Comment comment : thread.comments()) {
            text.append("\n@").append(comment.author()).append(" wrote:\n").append(comment.body().strip()).append('\n');
        }
    }

    private static void files(StringBuilder text, GitHubPullRequest pr, List<GitHubChangedFile> files,
                              boolean listingCut, int maxPatchChars) {
        if (files.isEmpty()) {
            text.append("\nChanged files: none listed by GitHub.\n");
            return;
        }
        int additions = files.stream().mapToInt(GitHubChangedFile::additions).sum();
        int deletions = files.stream().mapToInt(GitHubChangedFile::deletions).sum();
        text.append("\nChanged files (").append(files.size()).append(listingCut ? " or more" : "").append(", +")
                .append(additions).append(" -").append(deletions).append("):\n");
        int budget = maxPatchChars;
        int leftOut = 0;
        int listed = Math.min(files.size(), MAX_LISTED_FILES);
        for (GitHubChangedFile file : files.subList(0, listed)) {
            text.append("\n#### ").append(file.filename());
            if (file.previousFilename() != null) {
                text.append(" (was ").append(file.previousFilename()).append(')');
            }
            text.append(" (").append(file.status()).append(", +").append(file.additions()).append(" -")
                    .append(file.deletions()).append(")\n");
            if (file.patch() == null) {
                text.append("(no patch from GitHub: a binary file or a diff too large to show)\n");
            } else if (file.patch().length() <= budget) {
                budget -= file.patch().length();
                String fence = fenceFor(file.patch());
                text.append(fence).append("diff\n").append(file.patch().stripTrailing()).append('\n').append(fence)
                        .append('\n');
            } else {
                leftOut++;
                text.append("(patch left out, see below)\n");
            }
        }
        if (files.size() > listed) {
            text.append("\n...and ").append(files.size() - listed).append(" more changed files not listed here.\n");
        }
        if (listingCut) {
            text.append("\nThe list of changed files was cut: the pull request changes more files than were read.\n");
        }
        if (leftOut > 0) {
            text.append("\n").append(leftOut).append(leftOut == 1 ? " patch was" : " patches were")
                    .append(" left out to keep this message short (at most ").append(maxPatchChars)
                    .append(" characters of patches).\n");
        }
        if (leftOut > 0 || files.size() > listed || listingCut) {
            text.append("See the whole change with `git diff origin/").append(pr.baseRef())
                    .append("...` on the pull request's head.\n");
        }
    }

    /** The commented file first, so its patch is the last to be cut; the others in GitHub's order. */
    private static List<GitHubChangedFile> first(List<GitHubChangedFile> files, String path) {
        if (path == null) {
            return files;
        }
        List<GitHubChangedFile> ordered = new ArrayList<>(files.size());
        files.stream().filter(f -> f.filename().equals(path)).forEach(ordered::add);
        files.stream().filter(f -> !f.filename().equals(path)).forEach(ordered::add);
        return ordered;
    }

    /** A Markdown fence longer than any run of backticks in the patch, so a patch of Markdown cannot close it. */
    static String fenceFor(String patch) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < patch.length(); i++) {
            run = patch.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
