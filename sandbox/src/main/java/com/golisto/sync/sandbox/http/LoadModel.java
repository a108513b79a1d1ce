package com.golisto.sync.sandbox.http;

import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * How an emulator reacts to the number of requests it serves at once, like a small shop whose PHP workers are
 * all busy: asked before each request (after the {@link FaultInjector} rules found nothing), with the requests
 * in flight counting this one. Set with {@link EmulatorServer#load(LoadModel)}. Implementations are called on
 * the server's threads concurrently.
 */
@FunctionalInterface
public interface LoadModel {

    /**
     * The fault for a request served while {@code inFlight} requests (this one included) are being served.
     *
     * @param inFlight the requests in flight, at least 1
     * @return the fault, or null to serve the request normally
     */
    @Nullable Fault onRequest(int inFlight);

    /**
     * The fault for one request, knowing its route; by default {@link #onRequest(int)}. Override to treat some
     * routes (say, the reads a client sends in parallel) differently; may block the server's thread.
     *
     * @param method the HTTP method
     * @param path the request path
     * @param inFlight the requests in flight, at least 1
     * @return the fault, or null to serve the request normally
     * @throws InterruptedException when interrupted while holding the request
     */
    default @Nullable Fault onRequest(String method, String path, int inFlight) throws InterruptedException {
        return onRequest(inFlight);
    }

    /**
     * Answers 429 (no Retry-After) to every request beyond {@code capacity} in flight, counting them.
     *
     * @param capacity the requests served at once, at least 1
     * @param rejected counts the 429s answered
     * @return the model
     */
    static LoadModel rejectAbove(int capacity, AtomicLong rejected) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        Fault tooMany = Fault.status(429, null,
                "{\"code\":\"too_many_requests\",\"message\":\"Too many requests\",\"data\":{\"status\":429}}");
        return inFlight -> {
            if (inFlight > capacity) {
                rejected.incrementAndGet();
                return tooMany;
            }
            return null;
        };
    }
}
