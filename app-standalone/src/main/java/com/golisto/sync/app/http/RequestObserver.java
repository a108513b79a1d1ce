package com.golisto.sync.app.http;

import java.time.Duration;

/** Told about every answered request, for metrics. Called on request threads; must be cheap. */
@FunctionalInterface
public interface RequestObserver {
    /**
     * @param route the matched route's key, or {@code "unmatched"}
     * @param status the status answered
     * @param elapsed how long answering took
     */
    void answered(String route, int status, Duration elapsed);
}
