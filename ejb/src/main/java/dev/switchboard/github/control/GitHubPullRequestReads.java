package dev.switchboard.github.control;

import dev.switchboard.clients.control.LinkHeader;
import dev.switchboard.clients.control.Pages;
import dev.switchboard.clients.control.PlatformClients;
import dev.switchboard.json.Jsons;
import dev.switchboard.ratelimits.control.RateLimitedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.logging.Logger;

/**
 * Reads what a pull request job needs beyond the issue side ({@link GitHubThreadReads}): the pull request's
 * branches, its changed files with their patches (GitHub pages them by {@code Link} header), and for an inline
 * comment its review thread (GraphQL). A pull request or file listing GitHub refuses fails the read, so the
 * delivery is retried; a thread that cannot be read (GraphQL errors, a comment in no listed thread) only leaves
 * the thread out of the prompt, unless GitHub is rate limited or unavailable as a whole.
 */
@ApplicationScoped
public class GitHubPullRequestReads {

    private static final Logger LOG = Logger.getLogger(GitHubPullRequestReads.class.getName());

    static final int FILES_PER_PAGE = 100;
    /** 1000 files: past that the prompt lists no more anyway, and GitHub itself stops at 3000. */
    static final int MAX_FILE_PAGES = 10;
    static final int MAX_THREAD_PAGES = 5;

    /**
     * @param filesCut whether the listing was stopped at {@link #MAX_FILE_PAGES} before GitHub's last page
     * @param thread   the inline comment's review thread; null when none was asked for or it could not be read
     */
    public record PullRequestReading(GitHubPullRequest pullRequest, List<GitHubChangedFile> files, boolean filesCut,
                                     GitHubReviewThreads.Thread thread) {
    }

    private record FilePage(List<GitHubChangedFile> files, OptionalInt next) {
    }

    @Inject
    PlatformClients clients;

    /** @param reviewCommentId the inline comment whose thread is wanted, or null */
    public PullRequestReading read(String authorization, String owner, String repo, long number, Long reviewCommentId) {
        GitHubPullRequest pullRequest;
        try (Response r = clients.gitHub().pullRequest(authorization, owner, repo, number)) {
            pullRequest = GitHubPullRequest.from(Jsons.createReader(new StringReader(ok(r, "pull request " + owner + "/"
                    + repo + "#" + number))).readObject());
        }
        Pages<Integer, FilePage>.PageIterator pages = Pages.<Integer, FilePage>of(
                page -> files(authorization, owner, repo, number, page.orElse(1)),
                page -> page.next().isPresent() ? Optional.of(page.next().getAsInt()) : Optional.empty(),
                MAX_FILE_PAGES).iterator();
        List<GitHubChangedFile> files = new ArrayList<>();
        while (pages.hasNext()) {
            files.addAll(pages.next().files());
        }
        GitHubReviewThreads.Thread thread = reviewCommentId == null ? null
                : thread(authorization, owner, repo, number, reviewCommentId);
        return new PullRequestReading(pullRequest, files, pages.truncated(), thread);
    }

    private FilePage files(String authorization, String owner, String repo, long number, int page) {
        try (Response r = clients.gitHub().pullRequestFiles(authorization, owner, repo, number, FILES_PER_PAGE, page)) {
            JsonArray items = Jsons.createReader(new StringReader(ok(r, "files of " + owner + "/" + repo + "#" + number)))
                    .readArray();
            return new FilePage(GitHubChangedFile.listOf(items), LinkHeader.parse(r.getHeaderString("Link")).nextPage());
        }
    }

    private GitHubReviewThreads.Thread thread(String authorization, String owner, String repo, long number,
                                              long commentId) {
        String cursor = null;
        try {
            for (int page = 0; page < MAX_THREAD_PAGES; page++) {
                GitHubReviewThreads.Page found;
                try (Response r = clients.gitHubGraphql().graphql(authorization,
                        GitHubReviewThreads.request(owner, repo, number, cursor))) {
                    found = GitHubReviewThreads.parse(Jsons.createReader(new StringReader(ok(r, "review threads")))
                            .readObject(), commentId);
                }
                if (found.found().isPresent()) {
                    return found.found().get();
                }
                if (found.next().isEmpty()) {
                    break;
                }
                cursor = found.next().get();
            }
            LOG.info(() -> "review comment " + commentId + " is in no review thread of " + owner + "/" + repo + "#"
                    + number + " that GitHub listed; the prompt goes without its thread");
        } catch (RateLimitedException e) {
            throw e; // rate limited or unavailable (a subclass): GitHub as a whole must wait: the delivery is rescheduled, not answered with less
        } catch (RuntimeException e) {
            LOG.warning(() -> "could not read the review thread of comment " + commentId + " on " + owner + "/" + repo
                    + "#" + number + "; the prompt goes without it: " + e.getMessage());
        }
        return null;
    }

    private static String ok(Response response, String what) {
        if (response.getStatus() != 200) {
            throw new IllegalStateException("github refused the " + what + " (HTTP " + response.getStatus() + ")");
        }
        return response.readEntity(String.class);
    }
}
