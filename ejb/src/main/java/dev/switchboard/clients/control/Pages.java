package dev.switchboard.clients.control;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Pages of a paginated API, fetched lazily: the first page with no cursor, then each following page with
 * the cursor the previous page named (a page number, a Slack cursor, a Stripe object id), until a page names
 * none or the hard cap is reached. The cap keeps a runaway listing (a platform bug, a cursor that never
 * ends) from holding a request or a transaction.
 *
 * @param <C> what names the next page
 * @param <P> a page as fetched, e.g. a {@code Response} or its parsed body
 */
public final class Pages<C, P> implements Iterable<P> {

    private final Function<Optional<C>, P> fetch;
    private final Function<P, Optional<C>> next;
    private final int maxPages;

    private Pages(Function<Optional<C>, P> fetch, Function<P, Optional<C>> next, int maxPages) {
        this.fetch = Objects.requireNonNull(fetch);
        this.next = Objects.requireNonNull(next);
        if (maxPages < 1) {
            throw new IllegalArgumentException("at least one page must be allowed: " + maxPages);
        }
        this.maxPages = maxPages;
    }

    /**
     * @param fetch    fetches a page: empty for the first one, else the cursor the previous page named
     * @param next     the cursor of the page after this one, empty on the last page
     * @param maxPages how many pages at most are fetched
     */
    public static <C, P> Pages<C, P> of(Function<Optional<C>, P> fetch, Function<P, Optional<C>> next, int maxPages) {
        return new Pages<>(fetch, next, maxPages);
    }

    @Override
    public PageIterator iterator() {
        return new PageIterator();
    }

    public Stream<P> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    /** Iterates the pages; {@link #truncated()} tells whether the cap, not the platform, ended the listing. */
    public final class PageIterator implements Iterator<P> {
        private int fetched;
        private Optional<C> cursor = Optional.empty();
        private boolean done;

        @Override
        public boolean hasNext() {
            return !done && fetched < maxPages;
        }

        @Override
        public P next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            P page = fetch.apply(cursor);
            fetched++;
            cursor = Objects.requireNonNull(next.apply(page), "the next-page function returned null");
            done = cursor.isEmpty();
            return page;
        }

        /** True when the cap stopped the iteration while the last page still named a next one. */
        public boolean truncated() {
            return !done && fetched >= maxPages;
        }

        public int fetched() {
            return fetched;
        }
    }
}
