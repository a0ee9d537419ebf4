package dev.switchboard.clients.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PagesTest {

    /** A fake listing of {@code total} pages, page n naming n + 1, which records what it was asked for. */
    private static final class Listing {
        final int total;
        final List<Optional<Integer>> requested = new ArrayList<>();

        Listing(int total) {
            this.total = total;
        }

        String fetch(Optional<Integer> page) {
            requested.add(page);
            return "page " + page.orElse(1);
        }

        Optional<Integer> next(String page) {
            int number = Integer.parseInt(page.substring(5));
            return number < total ? Optional.of(number + 1) : Optional.empty();
        }
    }

    @Test
    void fetchesUntilAPageNamesNoNext() {
        Listing listing = new Listing(3);
        Pages<Integer, String> pages = Pages.of(listing::fetch, listing::next, 10);

        assertThat(pages).containsExactly("page 1", "page 2", "page 3");
        assertThat(listing.requested).containsExactly(Optional.empty(), Optional.of(2), Optional.of(3));
    }

    @Test
    void stopsAtTheCapAndSaysSo() {
        Listing listing = new Listing(1_000);
        Pages<Integer, String>.PageIterator pages = Pages.of(listing::fetch, listing::next, 4).iterator();

        List<String> seen = new ArrayList<>();
        pages.forEachRemaining(seen::add);

        assertThat(seen).containsExactly("page 1", "page 2", "page 3", "page 4");
        assertThat(listing.requested).hasSize(4);
        assertThat(pages.truncated()).isTrue();
        assertThat(pages.fetched()).isEqualTo(4);
        assertThatThrownBy(pages::next).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void aListingThatEndsExactlyAtTheCapIsNotTruncated() {
        Listing listing = new Listing(4);
        Pages<Integer, String>.PageIterator pages = Pages.of(listing::fetch, listing::next, 4).iterator();
        pages.forEachRemaining(page -> { });

        assertThat(pages.fetched()).isEqualTo(4);
        assertThat(pages.truncated()).isFalse();
    }

    @Test
    void fetchesLazily() {
        Listing listing = new Listing(50);

        assertThat(Pages.of(listing::fetch, listing::next, 100).stream().limit(2)).containsExactly("page 1", "page 2");
        assertThat(listing.requested).hasSize(2);
    }

    @Test
    void aSinglePageListingFetchesOnce() {
        Listing listing = new Listing(1);

        assertThat(Pages.of(listing::fetch, listing::next, 5).stream().toList()).containsExactly("page 1");
        assertThat(listing.requested).containsExactly(Optional.empty());
    }

    @Test
    void worksWithCursorsOfAnyKind() {
        List<String> cursors = List.of("dXNlcjpVMDYxTkZUVDI=", "dXNlcjpVMEc5V0ZYTlo=");
        Pages<String, Integer> pages = Pages.of(
                cursor -> cursor.map(c -> cursors.indexOf(c) + 1).orElse(0),
                index -> index < cursors.size() ? Optional.of(cursors.get(index)) : Optional.empty(), 10);

        assertThat(pages).containsExactly(0, 1, 2);
    }

    @Test
    void refusesACapBelowOne() {
        assertThatThrownBy(() -> Pages.of(c -> "x", p -> Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
