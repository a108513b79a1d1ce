package com.golisto.sync.benchmarks;

import java.net.URI;
import java.util.Optional;

/**
 * The WooCommerce and Golisto emulators the benchmark runs against, seeded with a generated catalog,
 * either in this JVM ({@link LocalEmulators}) or in a child JVM ({@link RemoteEmulators}, so that the
 * emulators' catalog does not count against the engine's heap). Everything here is a test hook on the
 * emulators themselves; the engine only ever talks to them over HTTP.
 */
interface Emulators extends AutoCloseable {

    /** The shop's home URL (the WooCommerce connector's {@code url}). */
    URI shopUrl();

    /** The REST API consumer key the shop was seeded with. */
    String consumerKey();

    /** The REST API consumer secret the shop was seeded with. */
    String consumerSecret();

    /** The marketplace's base URL (API and web pages on one port). */
    URI marketplaceUrl();

    /** The shop's catalog as it was seeded. */
    CatalogShape shape();

    /** Requests each emulator received since the last {@link #resetCounts()}. */
    RequestCounts counts();

    /** Forgets the request counts of both emulators. */
    void resetCounts();

    /**
     * Golisto's review approves every connection that awaits approval.
     *
     * @return how many were approved
     */
    int approveAwaiting();

    /**
     * Changes {@code count} different products in the shop, spread evenly over the catalog from
     * {@code offset}: half of them (rounded up) get a new price (for a variable product, on one variation),
     * the others a new stock quantity. Changes fire the shop's webhooks like any save in WooCommerce.
     *
     * @return what was changed
     */
    ChangeSet change(int count, int offset);

    /**
     * Whether the marketplace holds exactly the shop's published products, with the shop's price and
     * stock for every changed product of {@code changes} (all products when {@code changes} is null).
     *
     * @return empty when consistent, else the first difference found
     */
    Optional<String> difference(ChangeSet changes);

    /** Stops both emulators. */
    @Override
    void close();
}
