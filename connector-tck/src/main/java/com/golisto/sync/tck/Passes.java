package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.KnownProducts;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Whole catalog reads, page by page to the end, as the engine makes them. */
final class Passes {

    /** No read in the checks needs more pages than this; a connector that never ends one fails instead. */
    static final int MAX_PAGES = 1_000;

    /**
     * A read to the end.
     *
     * @param pages every page, in order
     * @param firstCursor the first page's cursor
     * @param lastCursor the last page's cursor
     */
    record Pass(List<CatalogPage> pages, @Nullable Cursor firstCursor, @Nullable Cursor lastCursor) {

        List<Product> products() {
            return pages.stream().flatMap(p -> p.products().stream()).toList();
        }

        Optional<Product> product(String id) {
            return products().stream().filter(p -> p.id().equals(id)).findFirst();
        }

        Set<String> ids() {
            Set<String> ids = new HashSet<>();
            pages.forEach(p -> p.products().forEach(product -> ids.add(product.id())));
            pages.forEach(p -> ids.addAll(p.unchanged()));
            return ids;
        }

        Cursor requireLastCursor() {
            assertThat(lastCursor).as("the last page of a read carries the cursor to resume from").isNotNull();
            return java.util.Objects.requireNonNull(lastCursor);
        }
    }

    /** A page reader: the first page for a null token. */
    @FunctionalInterface
    private interface Reader {
        CatalogPage read(@Nullable String token) throws InterruptedException;
    }

    private Passes() {
    }

    static Pass all(CatalogSource source) throws InterruptedException {
        return read(token -> whole(source.readAll(token)));
    }

    static Pass all(CatalogSource source, KnownProducts known) throws InterruptedException {
        return read(token -> source.readAll(token, known));
    }

    static Pass changed(CatalogSource source, Cursor since) throws InterruptedException {
        return read(token -> whole(source.readChanged(since, token)));
    }

    static Pass changed(CatalogSource source, Cursor since, KnownProducts known) throws InterruptedException {
        return read(token -> source.readChanged(since, token, known));
    }

    private static CatalogPage whole(Page<Product> page) {
        return new CatalogPage(page.items(), List.of(), Map.of(), page.nextPageToken(), page.cursor());
    }

    private static Pass read(Reader reader) throws InterruptedException {
        List<CatalogPage> pages = new ArrayList<>();
        Set<String> tokens = new HashSet<>();
        @Nullable String token = null;
        do {
            CatalogPage page = reader.read(token);
            pages.add(page);
            token = page.nextPageToken();
            assertThat(token == null || tokens.add(token)).as("page token %s comes back: the read never ends", token)
                    .isTrue();
            assertThat(pages.size()).as("pages of one read").isLessThanOrEqualTo(MAX_PAGES);
        } while (token != null);
        return new Pass(pages, pages.get(0).cursor(), pages.get(pages.size() - 1).cursor());
    }
}
