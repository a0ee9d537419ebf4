package dev.switchboard.clients.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkHeaderTest {

    private static final String GITHUB = "<https://api.github.com/repositories/1300192/issues?per_page=30&page=2>; rel=\"prev\", "
            + "<https://api.github.com/repositories/1300192/issues?per_page=30&page=4>; rel=\"next\", "
            + "<https://api.github.com/repositories/1300192/issues?per_page=30&page=515>; rel=\"last\", "
            + "<https://api.github.com/repositories/1300192/issues?per_page=30&page=1>; rel=\"first\"";

    @Test
    void readsGitHubsRelations() {
        LinkHeader links = LinkHeader.parse(GITHUB);

        assertThat(links.next()).contains(URI.create("https://api.github.com/repositories/1300192/issues?per_page=30&page=4"));
        assertThat(links.prev()).contains(URI.create("https://api.github.com/repositories/1300192/issues?per_page=30&page=2"));
        assertThat(links.first()).contains(URI.create("https://api.github.com/repositories/1300192/issues?per_page=30&page=1"));
        assertThat(links.last()).contains(URI.create("https://api.github.com/repositories/1300192/issues?per_page=30&page=515"));
        assertThat(links.nextPage()).hasValue(4);
        assertThat(links.lastPage()).hasValue(515);
        assertThat(links.relations()).containsOnlyKeys("prev", "next", "last", "first");
    }

    @Test
    void theLastPageHasNoNext() {
        LinkHeader links = LinkHeader.parse("<https://api.github.com/user/repos?page=2>; rel=\"prev\", "
                + "<https://api.github.com/user/repos?page=1>; rel=\"first\"");

        assertThat(links.next()).isEmpty();
        assertThat(links.nextPage()).isEmpty();
        assertThat(links.lastPage()).isEmpty();
        assertThat(links.prev()).contains(URI.create("https://api.github.com/user/repos?page=2"));
    }

    @Test
    void noHeaderMeansOnePage() {
        assertThat(LinkHeader.parse(null).next()).isEmpty();
        assertThat(LinkHeader.parse("   ").relations()).isEmpty();
    }

    @Test
    void acceptsUnquotedCaseInsensitiveAndMultipleRelationsAndOtherParameters() {
        LinkHeader links = LinkHeader.parse("<https://gitlab.example/api/v4/projects?page=3&per_page=20>; REL=Next;"
                + " title=\"a, b; c\" , <https://gitlab.example/api/v4/projects?page=9>; rel=\"last  end\"");

        assertThat(links.nextPage()).hasValue(3);
        assertThat(links.rel("last")).contains(URI.create("https://gitlab.example/api/v4/projects?page=9"));
        assertThat(links.rel("END")).contains(URI.create("https://gitlab.example/api/v4/projects?page=9"));
    }

    @Test
    void aUriMayContainCommasAndSemicolons() {
        LinkHeader links = LinkHeader.parse("<https://api.example/search?q=a,b;c&page=7>; rel=\"next\"");

        assertThat(links.next()).contains(URI.create("https://api.example/search?q=a,b;c&page=7"));
        assertThat(links.nextPage()).hasValue(7);
    }

    @Test
    void theFirstTargetOfARelationWins() {
        LinkHeader links = LinkHeader.parse("<https://a.example/?page=2>; rel=next, <https://b.example/?page=3>; rel=next");

        assertThat(links.next()).contains(URI.create("https://a.example/?page=2"));
    }

    @Test
    void skipsMalformedEntriesAndKeepsTheRest() {
        LinkHeader links = LinkHeader.parse("https://no-brackets.example/?page=2; rel=\"next\", "
                + "<https://ok.example/?page=9>; rel=\"last\", <https://x.example/?page=3> rel=\"prev\", "
                + "<https://unterminated.example/?page=4>; rel=\"first");

        assertThat(links.next()).isEmpty();
        assertThat(links.prev()).isEmpty();
        assertThat(links.first()).isEmpty();
        assertThat(links.last()).contains(URI.create("https://ok.example/?page=9"));
    }

    @Test
    void anEntryWithoutRelIsIgnoredAndAnUnclosedUriEndsTheHeader() {
        assertThat(LinkHeader.parse("<https://a.example/?page=2>; title=\"x\"").relations()).isEmpty();
        assertThat(LinkHeader.parse("<https://a.example/?page=2; rel=\"next\"").relations()).isEmpty();
    }

    @Test
    void aNextLinkWithoutAUsablePageNumberHasNoNextPage() {
        assertThat(LinkHeader.parse("<https://a.example/?cursor=abc>; rel=\"next\"").nextPage()).isEmpty();
        assertThat(LinkHeader.parse("<https://a.example/?page=zero>; rel=\"next\"").nextPage()).isEmpty();
        assertThat(LinkHeader.parse("<https://a.example/?page=0>; rel=\"next\"").nextPage()).isEmpty();
    }

    @Test
    void decodesQueryParameters() {
        URI uri = URI.create("https://api.example/x?since=2024-03-20T12%3A00%3A00Z&page=2&page=3&flag");

        assertThat(LinkHeader.queryParameter(uri, "since")).contains("2024-03-20T12:00:00Z");
        assertThat(LinkHeader.queryParameter(uri, "page")).contains("2");
        assertThat(LinkHeader.queryParameter(uri, "flag")).contains("");
        assertThat(LinkHeader.queryParameter(uri, "missing")).isEmpty();
    }
}
