package com.golisto.sync.app.http;

import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The store id every log line carries (MDC key {@value #STORE}). Ids from requests are checked first,
 * so a crafted path cannot inject text into log lines.
 */
public final class LogContext {
    /** The MDC key of the store id. */
    public static final String STORE = "store";

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private LogContext() {
    }

    /** Sets the store of the current thread's log lines. */
    public static void store(String storeId) {
        MDC.put(STORE, storeId != null && SAFE.matcher(storeId).matches() ? storeId : "invalid");
    }

    /** Clears it. */
    public static void clear() {
        MDC.remove(STORE);
    }
}
