package com.golisto.sync.core.runtime;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts a store's id into SLF4J's MDC under {@value #KEY} for one unit of work, so that every line logged
 * meanwhile on this thread (by the engine, the pipelines and the connectors) names the store; a host's log
 * pattern prints it with {@code %X{store}}. Closing restores what the MDC held before (nothing, or the
 * caller's own value), so units nest and a host's thread is left as it was. Use with try-with-resources on
 * the thread that does the work: the MDC is per thread and virtual threads do not inherit it.
 */
public final class StoreMdc implements AutoCloseable {

    /** The MDC key. */
    public static final String KEY = "store";

    /** What the MDC held under the key before: null when nothing. */
    private final @Nullable String previous;

    private StoreMdc(String storeId) {
        this.previous = MDC.get(KEY);
        MDC.put(KEY, storeId);
    }

    /** Work that may wait. */
    @FunctionalInterface
    public interface Work<T extends @Nullable Object> {
        T get() throws InterruptedException;
    }

    /** Does the work with the store in the MDC, then restores the MDC. */
    public static <T extends @Nullable Object> T call(String storeId, Work<T> work) throws InterruptedException {
        StoreMdc mdc = of(storeId);
        try {
            return work.get();
        } finally {
            mdc.close();
        }
    }

    /** Sets the store for the current thread until {@link #close()}. */
    public static StoreMdc of(String storeId) {
        return new StoreMdc(storeId);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
