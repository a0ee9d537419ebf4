package dev.switchboard.gitlab.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GitLabPaginationTest {

    @Test
    void readsTheNextPageAndTheTotal() {
        assertThat(GitLabPagination.nextPage("3")).hasValue(3);
        assertThat(GitLabPagination.totalPages("12")).hasValue(12);
    }

    @Test
    void anEmptyNextPageIsTheLastPage() {
        assertThat(GitLabPagination.nextPage("")).isEmpty();
        assertThat(GitLabPagination.nextPage(null)).isEmpty();
    }

    @Test
    void theTotalIsMissingForLargeListings() {
        assertThat(GitLabPagination.totalPages(null)).isEmpty();
        assertThat(GitLabPagination.nextPage(" 101 ")).hasValue(101);
    }

    @Test
    void ignoresNonsense() {
        assertThat(GitLabPagination.nextPage("next")).isEmpty();
        assertThat(GitLabPagination.nextPage("0")).isEmpty();
        assertThat(GitLabPagination.totalPages("-1")).isEmpty();
    }

    @Test
    void encodesTheSlashesOfAFilePathOnly() {
        assertThat(GitLabFilePathEncoding.encodeFilePath(
                URI.create("https://gitlab.com/api/v4/projects/278964/repository/files/src/main/App.java?ref=feature%2Fx")))
                .hasToString("https://gitlab.com/api/v4/projects/278964/repository/files/src%2Fmain%2FApp.java?ref=feature%2Fx");
        assertThat(GitLabFilePathEncoding.encodeFilePath(URI.create("http://127.0.0.1:8089/gitlab/api/v4/projects/7/repository/files/README.md")))
                .hasToString("http://127.0.0.1:8089/gitlab/api/v4/projects/7/repository/files/README.md");
        assertThat(GitLabFilePathEncoding.encodeFilePath(URI.create("https://gitlab.com/api/v4/projects/7/hooks?page=2")))
                .hasToString("https://gitlab.com/api/v4/projects/7/hooks?page=2");
    }

    @Test
    void encodesARefWithSlashesAndAProjectAddressedByItsPath() {
        assertThat(GitLabFilePathEncoding.encodeFilePath(
                URI.create("https://gitlab.com/api/v4/projects/7/repository/commits/feature/x")))
                .hasToString("https://gitlab.com/api/v4/projects/7/repository/commits/feature%2Fx");
        assertThat(GitLabFilePathEncoding.encodeFilePath(URI.create("https://gitlab.com/api/v4/projects/acme/sub/api")))
                .hasToString("https://gitlab.com/api/v4/projects/acme%2Fsub%2Fapi");
        assertThat(GitLabFilePathEncoding.encodeFilePath(URI.create("https://gitlab.com/api/v4/projects/7/repository/tree?path=a/b")))
                .hasToString("https://gitlab.com/api/v4/projects/7/repository/tree?path=a/b");
        assertThat(GitLabFilePathEncoding.encodeFilePath(URI.create("https://gitlab.com/api/v4/projects?membership=true")))
                .hasToString("https://gitlab.com/api/v4/projects?membership=true");
    }
}
