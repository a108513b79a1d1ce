package com.golisto.sync.benchmarks;

import java.net.URI;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

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
     * Changes {@code count} different products in the shop, a seeded random sample (the same for the same
     * {@code sample} number): half of them (rounded up) get a new regular price (for a variable product, on
     * its first variation), the others a new stock quantity. Changes fire the shop's webhooks as any save
     * in WooCommerce does; they are delivered before this returns.
     *
     * @return what was changed
     */
    ChangeSet change(int count, int sample);

    /**
     * Whether the marketplace holds exactly the shop's published products, with the shop's price and
     * stock for every changed product of {@code changes} (all products when {@code changes} is null).
     *
     * @return empty when consistent, else the first difference found
     */
    Optional<String> difference(@Nullable ChangeSet changes);

    /**
     * Makes one of the {@code day} scenario's changes to the product generated {@code index}-th (each index
     * at most once per run): a new regular price ({@code serial} even) or stock quantity ({@code serial}
     * odd), on the first variation of a variable product, as a merchant's save whose webhook is delivered
     * before this returns ({@link DayChange.Kind#WEBHOOK}) or lost ({@link DayChange.Kind#LOST}), as a
     * direct database edit ({@link DayChange.Kind#DIRECT}); or a permanent delete
     * ({@link DayChange.Kind#DELETE}). The emulators remember what Golisto should show for {@link #dayCheck()}.
     */
    DayChange dayChange(DayChange.Kind kind, int index, int serial);

    /** Checks the marketplace against every change {@link #dayChange} made. */
    DayCheck dayCheck();

    /** The emulators' clock now; the engine's clock starts here so that OAuth timestamps agree. */
    java.time.Instant now();

    /**
     * Moves both emulators' clock forward (the shop's {@code Date} header and modification dates, Golisto's
     * timestamps), as time passes between two scheduled passes.
     */
    void advance(java.time.Duration amount);

    /** Stops both emulators. */
    @Override
    void close();
}
