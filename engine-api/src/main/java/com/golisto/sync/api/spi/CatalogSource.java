package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import com.golisto.sync.api.annotations.Nullable;

/**
 * Reads a shop's catalog. Products come complete, with their variants; a product whose variant changed
 * is returned whole. Memory stays bounded by the page size: the engine processes a page before asking
 * for the next.
 */
public interface CatalogSource {

    /**
     * Reads one page of the whole catalog, for a full reconciliation. Products of every status may be
     * returned; the engine lists only {@link com.golisto.sync.api.model.ProductStatus#ACTIVE} ones.
     * The first page's {@link Page#cursor()} is the change position at which the read started: after a
     * complete pass the engine continues incremental reads from there. Only the first page's cursor is used.
     *
     * @param pageToken {@code null} for the first page, else the previous page's next token
     */
    Page<Product> readAll(@Nullable String pageToken) throws InterruptedException;

    /**
     * Reads one page of the products changed after a cursor, including those that became drafts or were
     * trashed (with that status). Permanently deleted products may be missing: full passes catch those.
     * Each page's {@link Page#cursor()} is where to resume once that page is processed; earlier pages may
     * have none, the last page always has one.
     *
     * <p>Boundaries: every product changed at or after the moment {@code since} stands for is returned,
     * including one changed in the same second as the read that issued the cursor, whatever the shop's time
     * zone. A connector may return again products changed shortly before that moment (an overlap it
     * documents, e.g. WooCommerce's two minutes), never skip one.
     *
     * @param since where the previous read stopped; {@link Cursor#beginning()} reads everything
     * @param pageToken {@code null} for the first page, else the previous page's next token
     */
    Page<Product> readChanged(Cursor since, @Nullable String pageToken) throws InterruptedException;

    /**
     * Reads products by their own ids, never a variant's: how the engine checks the products a complete full pass
     * did not see before it delists them. A product the shop no longer has is absent; a trashed or draft one is
     * returned with that status. Each product appears once; the order is unspecified.
     *
     * <p>The default is {@link #readMany}. Connectors whose {@code readMany} spends a request per id it cannot
     * find (to tell a variant's id from a deleted product's) should override it (WooCommerce: two {@code include=}
     * list requests per 100 ids, published and trashed).
     *
     * @param productIds product ids, at most a few hundred per call; duplicates are ignored
     */
    default List<Product> readProducts(Collection<String> productIds) throws InterruptedException {
        return readMany(productIds);
    }

    /**
     * Reads one page of the whole catalog like {@link #readAll(String)}, given what the engine already holds: a
     * product whose version equals the {@link com.golisto.sync.api.model.KnownProduct#version() known version}
     * may be answered in {@link CatalogPage#unchanged()} instead of read whole, which saves the requests that
     * reading it whole costs (WooCommerce: a variable product's variations). A product with a {@code null} known
     * version is read whole. Every product of the page gets its version in {@link CatalogPage#versions()} when the
     * connector can tell one: something that changes whenever anything the connector maps from changes (a shop
     * timestamp, the variant ids, the store data the mapping uses).
     *
     * <p>The default reads every product whole, without versions.
     *
     * @param pageToken as in {@link #readAll(String)}
     * @param known what the engine holds of the page's products
     */
    default CatalogPage readAll(@Nullable String pageToken, KnownProducts known) throws InterruptedException {
        return CatalogPage.whole(readAll(pageToken));
    }

    /**
     * Reads one page of the products changed after a cursor like {@link #readChanged(Cursor, String)}, given what
     * the engine already holds, with the same contract as {@link #readAll(String, KnownProducts)}: a product
     * changed after the cursor whose version the engine already holds (a webhook-triggered sync read it) may be
     * answered as unchanged. The default reads every product whole, without versions.
     */
    default CatalogPage readChanged(Cursor since, @Nullable String pageToken, KnownProducts known)
            throws InterruptedException {
        return CatalogPage.whole(readChanged(since, pageToken));
    }

    /**
     * Reads one product by id, as it is now. A variant's id resolves to its parent product.
     *
     * @return empty when the shop no longer has it
     */
    Optional<Product> read(String productId) throws InterruptedException;

    /**
     * Reads several products by id, as they are now: the engine's way to re-read a burst of webhook
     * notifications in a few requests. A product the shop no longer has is simply absent from the answer
     * (exactly the products for which {@link #read} would answer empty); a variant's id resolves to its
     * parent product, as in {@link #read}. Each product appears once; the order is unspecified.
     *
     * <p>The default calls {@link #read} once per distinct id. Connectors whose remote can list products
     * by id should override it (WooCommerce: one {@code include=} list request per 100 ids).
     *
     * @param productIds the ids, at most a few hundred per call; duplicates are ignored
     */
    default List<Product> readMany(Collection<String> productIds) throws InterruptedException {
        List<Product> found = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (String id : new LinkedHashSet<>(productIds)) {
            Optional<Product> product = read(id);
            if (product.isPresent() && seen.add(product.get().id())) {
                found.add(product.get());
            }
        }
        return found;
    }
}
