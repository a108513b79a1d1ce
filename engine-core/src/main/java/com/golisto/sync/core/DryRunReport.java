package com.golisto.sync.core;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a full pass of a store would do now, as a {@link RunKind#DRY_RUN} computed it without writing anything:
 * how many listings it would create, update (content, or stock only) and delete, how many products it would
 * leave unchanged or skip (with the skip reasons totalled), and a sample of at most {@link #sampleLimit()}
 * products of each kind of change. Immutable.
 *
 * @param storeId the store
 * @param runId the dry run that computed it
 * @param finishedAt when the dry run finished
 * @param counts how many products of each kind of change
 * @param skipReasons the skipped products (not listable and not listed) by reason, e.g. {@code "no price" → 3}
 * @param deleteReasons the deleted listings by reason (draft, no price, trashed, removed in shop…)
 * @param sampleLimit the most products each sample holds
 * @param creates products that would be listed: id, sku and title
 * @param updates listed products whose content changed, with the fields that changed versus what was last sent
 * @param stockUpdates listed products whose only change is stock (the cheap inventory path)
 * @param deletes listings that would be removed, with the reason
 * @param skips products that would not be listed, with the reason
 */
public record DryRunReport(String storeId, RunId runId, Instant finishedAt, Counts counts,
        Map<String, Long> skipReasons, Map<String, Long> deleteReasons, int sampleLimit, List<Item> creates,
        List<Item> updates, List<Item> stockUpdates, List<Item> deletes, List<Item> skips) {

    /** The samples keep at most this many products of each kind by default. */
    public static final int DEFAULT_SAMPLE = 20;

    public DryRunReport {
        Objects.requireNonNull(storeId, "storeId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(counts, "counts");
        skipReasons = Collections.unmodifiableMap(new LinkedHashMap<>(skipReasons));
        deleteReasons = Collections.unmodifiableMap(new LinkedHashMap<>(deleteReasons));
        if (sampleLimit < 0) {
            throw new IllegalArgumentException("sampleLimit must not be negative, was " + sampleLimit);
        }
        creates = List.copyOf(creates);
        updates = List.copyOf(updates);
        stockUpdates = List.copyOf(stockUpdates);
        deletes = List.copyOf(deletes);
        skips = List.copyOf(skips);
    }

    /**
     * How many products of each kind of change the pass would make.
     *
     * @param read products read from the shop (the unseen listings checked at the end included)
     * @param wouldCreate listings it would create
     * @param wouldUpdate listings whose content it would replace (stock included)
     * @param wouldUpdateStock listings whose stock only it would update
     * @param wouldDelete listings it would remove
     * @param unchanged listed products already as the shop has them
     * @param skipped products neither offered nor listed (draft, no price, trashed…)
     */
    public record Counts(long read, long wouldCreate, long wouldUpdate, long wouldUpdateStock, long wouldDelete,
            long unchanged, long skipped) {
        public Counts {
            if (read < 0 || wouldCreate < 0 || wouldUpdate < 0 || wouldUpdateStock < 0 || wouldDelete < 0
                    || unchanged < 0 || skipped < 0) {
                throw new IllegalArgumentException("dry-run counts must not be negative");
            }
        }
    }

    /**
     * One product of a sample.
     *
     * @param productId the shop's product id
     * @param sku its sku, {@code null} when unknown or none (deletes and skips carry none)
     * @param title its title, {@code null} when unknown (deletes of products the shop no longer has)
     * @param changedFields updates: the fields that changed versus what was last sent ({@code title},
     *     {@code price}, {@code stock}, …; {@code content} when the engine kept no per-field fingerprints for the
     *     listing); empty for the other kinds
     * @param reason deletes and skips: why the product is not listable; {@code null} for the other kinds
     */
    public record Item(String productId, @Nullable String sku, @Nullable String title, List<String> changedFields,
            @Nullable String reason) {
        public Item {
            Objects.requireNonNull(productId, "productId");
            changedFields = List.copyOf(changedFields);
        }
    }
}
