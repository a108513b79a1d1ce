package com.golisto.sync.core.runs;

import com.golisto.sync.core.RunCounts;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The counts of one run as it goes. Thread-safe and cheap (one adder per count). */
public final class RunCounter {

    private final LongAdder read = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder updated = new LongAdder();
    private final LongAdder deleted = new LongAdder();
    private final LongAdder unchanged = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder requests = new LongAdder();
    private final LongAdder pages = new LongAdder();
    private final Map<String, LongAdder> skipped = new ConcurrentHashMap<>();

    /** Items read from the source. */
    public void read(long n) {
        read.add(n);
    }

    /** Items created at the target. */
    public void created(long n) {
        created.add(n);
    }

    /** Items changed at the target. */
    public void updated(long n) {
        updated.add(n);
    }

    /** Items removed at the target. */
    public void deleted(long n) {
        deleted.add(n);
    }

    /** Items that needed no write. */
    public void unchanged(long n) {
        unchanged.add(n);
    }

    /** Items not listable, so not written, for a reason (draft, no price, ...). */
    public void skipped(String reason, long n) {
        skipped.computeIfAbsent(reason, r -> new LongAdder()).add(n);
    }

    /** Items given up on. */
    public void failed(long n) {
        failed.add(n);
    }

    /** One remote request (every attempt counts). */
    public void request() {
        requests.increment();
    }

    /** One page of the source read and processed (progress only; not part of the stored counts). */
    public void page() {
        pages.increment();
    }

    /** The pages read and processed so far. */
    public long pages() {
        return pages.sum();
    }

    /** The counts so far. */
    public RunCounts snapshot() {
        Map<String, Long> reasons = new TreeMap<>();
        skipped.forEach((reason, n) -> reasons.put(reason, n.sum()));
        long skippedTotal = reasons.values().stream().mapToLong(Long::longValue).sum();
        return new RunCounts(read.sum(), created.sum(), updated.sum(), deleted.sum(), unchanged.sum(), failed.sum(),
                requests.sum(), skippedTotal, reasons);
    }
}
