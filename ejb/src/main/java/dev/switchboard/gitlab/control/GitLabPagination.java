package dev.switchboard.gitlab.control;

import jakarta.ws.rs.core.Response;
import java.util.OptionalInt;

/**
 * GitLab's offset pagination headers: {@code X-Next-Page} is the next page number and empty on the last
 * page; {@code X-Total-Pages} is omitted when a listing exceeds 10,000 records (GitLab stops counting), so
 * the next page, not the total, decides whether to go on.
 */
public final class GitLabPagination {

    private GitLabPagination() {
    }

    public static OptionalInt nextPage(String xNextPage) {
        return positive(xNextPage);
    }

    public static OptionalInt totalPages(String xTotalPages) {
        return positive(xTotalPages);
    }

    public static OptionalInt nextPageOf(Response response) {
        return nextPage(response.getHeaderString("X-Next-Page"));
    }

    public static OptionalInt totalPagesOf(Response response) {
        return totalPages(response.getHeaderString("X-Total-Pages"));
    }

    private static OptionalInt positive(String header) {
        if (header == null || header.isBlank()) {
            return OptionalInt.empty();
        }
        try {
            int value = Integer.parseInt(header.strip());
            return value > 0 ? OptionalInt.of(value) : OptionalInt.empty();
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
