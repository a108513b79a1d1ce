package com.golisto.sync.core.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Coalesces bursts of change notifications per product, driven by the instants it is given (from the
 * engine's clock), never by timers of its own.
 *
 * <p>A marked product becomes due once no new mark arrived for the quiet period, but at the latest the
 * maximum delay after its first mark, so a product that keeps changing is still synchronised. Draining
 * removes what is due; a product marked again after being drained starts a new burst. Marks live in
 * memory only: after a crash the next incremental pass catches what they would have caught. A store may be held
 * ({@link #holdUntil}): its marks are then due no earlier than the end of the hold, all together, so a store whose
 * shop sends a steady trickle of webhooks gets one sync per batch window rather than one per product.
 *
 * <p>Thread-safe: webhook threads mark while the scheduler drains.
 */
public final class Debouncer {

    private final Duration quiet;
    private final Duration maxDelay;
    private final Map<String, LinkedHashMap<String, Burst>> byStore = new HashMap<>();
    /** Stores whose marks wait for the end of a batch window (see {@link #holdUntil}). */
    private final Map<String, Instant> heldUntil = new HashMap<>();

    /**
     * @param quiet how long a product must stay unmarked before it is due (the debounce)
     * @param maxDelay the longest a marked product waits, counted from its first mark
     */
    public Debouncer(Duration quiet, Duration maxDelay) {
        if (quiet.isNegative() || maxDelay.compareTo(quiet) < 0) {
            throw new IllegalArgumentException("need 0 <= quiet <= maxDelay, got " + quiet + " and " + maxDelay);
        }
        this.quiet = quiet;
        this.maxDelay = maxDelay;
    }

    private record Burst(Instant first, Instant last) {
        Instant due(Duration quiet, Duration maxDelay) {
            Instant byQuiet = last.plus(quiet);
            Instant byMax = first.plus(maxDelay);
            return byQuiet.isBefore(byMax) ? byQuiet : byMax;
        }
    }

    /** Marks a product of a store dirty at {@code now}. */
    public synchronized void mark(String storeId, String productId, Instant now) {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(now, "now");
        byStore.computeIfAbsent(storeId, s -> new LinkedHashMap<>())
                .merge(productId, new Burst(now, now), (old, fresh) -> new Burst(old.first(), now));
    }

    /**
     * Removes and returns the products due at {@code now}, per store, in marking order.
     *
     * @return store id to due product ids; stores with nothing due are absent
     */
    public synchronized Map<String, Set<String>> drainDue(Instant now) {
        Map<String, Set<String>> due = new LinkedHashMap<>();
        heldUntil.values().removeIf(until -> !until.isAfter(now));
        for (Iterator<Map.Entry<String, LinkedHashMap<String, Burst>>> stores = byStore.entrySet().iterator();
                stores.hasNext(); ) {
            Map.Entry<String, LinkedHashMap<String, Burst>> store = stores.next();
            if (heldUntil.containsKey(store.getKey())) {
                continue;
            }
            for (Iterator<Map.Entry<String, Burst>> marks = store.getValue().entrySet().iterator(); marks.hasNext(); ) {
                Map.Entry<String, Burst> mark = marks.next();
                if (!mark.getValue().due(quiet, maxDelay).isAfter(now)) {
                    due.computeIfAbsent(store.getKey(), s -> new LinkedHashSet<>()).add(mark.getKey());
                    marks.remove();
                }
            }
            if (store.getValue().isEmpty()) {
                stores.remove();
            }
        }
        return due;
    }

    /** The earliest instant at which something becomes due, empty when nothing is marked. */
    public synchronized Optional<Instant> nextDue() {
        Instant next = null;
        for (Map.Entry<String, LinkedHashMap<String, Burst>> store : byStore.entrySet()) {
            Instant held = heldUntil.get(store.getKey());
            for (Burst burst : store.getValue().values()) {
                Instant due = burst.due(quiet, maxDelay);
                if (held != null && held.isAfter(due)) {
                    due = held;
                }
                if (next == null || due.isBefore(next)) {
                    next = due;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /** The products of a store marked and not yet drained. */
    public synchronized List<String> pending(String storeId) {
        LinkedHashMap<String, Burst> marks = byStore.get(storeId);
        return marks == null ? List.of() : new ArrayList<>(marks.keySet());
    }

    /** How many of a store's products are marked and not yet drained. */
    public synchronized int pendingCount(String storeId) {
        LinkedHashMap<String, Burst> marks = byStore.get(storeId);
        return marks == null ? 0 : marks.size();
    }

    /** How many products (of every store) are marked and not yet drained. */
    public synchronized int pendingCount() {
        int count = 0;
        for (LinkedHashMap<String, Burst> marks : byStore.values()) {
            count += marks.size();
        }
        return count;
    }

    /** Drops every mark of a store (it was disconnected). */
    public synchronized void forget(String storeId) {
        byStore.remove(storeId);
        heldUntil.remove(storeId);
    }

    /**
     * Holds a store's marks until {@code until}: marks made meanwhile are due then, together (a batch window after a
     * webhook-triggered sync). A hold that has passed is dropped.
     */
    public synchronized void holdUntil(String storeId, Instant until) {
        Objects.requireNonNull(until, "until");
        heldUntil.put(storeId, until);
    }

    /**
     * Puts products back, due at once: their synchronisation could not run (another node held the store,
     * a transient failure) and must not be lost.
     */
    public synchronized void requeue(String storeId, Set<String> productIds, Instant now) {
        Instant overdue = now.minus(maxDelay);
        LinkedHashMap<String, Burst> marks = byStore.computeIfAbsent(storeId, s -> new LinkedHashMap<>());
        for (String productId : productIds) {
            marks.putIfAbsent(productId, new Burst(overdue, overdue));
        }
    }
}
