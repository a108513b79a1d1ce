package com.golisto.sync.sandbox.http;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One misbehaviour an emulator can be told to show for a matching request, see {@link FaultInjector}.
 */
public sealed interface Fault {

    /**
     * Delays the request by {@code delay}, then serves it normally.
     *
     * @param delay how long to wait before handling, positive or zero
     * @return the fault
     */
    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    /**
     * Answers with {@code code} and a body instead of serving the request.
     *
     * @param code an HTTP status, e.g. 429, 500, 503
     * @param retryAfter the {@code Retry-After} value to send (whole seconds), or null for none
     * @param body the response body (sent as {@code application/json} when it starts with '{'),
     *             null for an empty body
     * @return the fault
     */
    static Fault status(int code, @Nullable Duration retryAfter, @Nullable String body) {
        return new Status(code, retryAfter, body == null ? "" : body);
    }

    /**
     * Answers with {@code code}, no {@code Retry-After} and an empty body.
     *
     * @param code an HTTP status
     * @return the fault
     */
    static Fault status(int code) {
        return new Status(code, null, "");
    }

    /** Closes the TCP connection without sending any response byte. */
    static Fault connectionReset() {
        return new ConnectionReset();
    }

    /**
     * Serves the request, but declares the full {@code Content-Length}, sends only about half of the
     * body and closes the connection.
     */
    static Fault truncatedBody() {
        return new TruncatedBody();
    }

    /**
     * Serves a {@code 200} whose JSON body is {@code bytes} long instead of the real answer: an answer bigger
     * than a client's response-size cap (the connectors' {@code max-response-bytes}). The body is one JSON
     * object with a long padding string, so a client without a cap that parses it gets a well-formed but
     * useless answer rather than the one it asked for. Build it once and reuse it: it holds the body.
     *
     * @param bytes the body's length in bytes, at least 16
     * @return the fault (a {@link Status} with code 200)
     */
    static Fault oversizedBody(int bytes) {
        String open = "{\"oversized\":\"";
        String close = "\"}";
        if (bytes < open.length() + close.length()) {
            throw new IllegalArgumentException("an oversized body needs at least 16 bytes: " + bytes);
        }
        return new Status(200, null, open + "x".repeat(bytes - open.length() - close.length()) + close);
    }

    /**
     * Holds the request until the test releases it ({@link Hold#release()}), then serves it normally; the test
     * waits for {@link Hold#awaitHeld} to know the request arrived. Makes a client's in-flight state observable
     * without timing. Each hold is for one request: inject it with {@code times = 1}.
     *
     * @return a new hold
     */
    static Hold hold() {
        return new Hold(new CountDownLatch(1), new CountDownLatch(1));
    }

    /**
     * Added latency.
     *
     * @param delay the delay, not negative
     */
    record Latency(Duration delay) implements Fault {
        /** Validates the delay. */
        public Latency {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("latency must not be negative: " + delay);
            }
        }
    }

    /**
     * An error status instead of the real answer.
     *
     * @param code the HTTP status, 100..599
     * @param retryAfter the Retry-After delay, or null for none
     * @param body the body, never null (may be empty)
     */
    record Status(int code, @Nullable Duration retryAfter, String body) implements Fault {
        /** Validates the status code. */
        public Status {
            if (code < 100 || code > 599) {
                throw new IllegalArgumentException("not an HTTP status: " + code);
            }
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("Retry-After must not be negative");
            }
            Objects.requireNonNull(body, "body");
        }

        /** Returns the Retry-After delay, if any. */
        public Optional<Duration> retryAfterValue() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The connection is closed with no response. */
    record ConnectionReset() implements Fault {
    }

    /** The response body is cut short of its declared length. */
    record TruncatedBody() implements Fault {
    }

    /**
     * A request held until released. A held request is released at the latest after {@link #LIMIT}, so a test
     * that fails before releasing it cannot hang the emulator's shutdown.
     *
     * @param arrived counted down when the request reached the hold
     * @param released counted down by {@link #release()}
     */
    record Hold(CountDownLatch arrived, CountDownLatch released) implements Fault {
        /** The longest a request is held. */
        public static final Duration LIMIT = Duration.ofMinutes(2);

        /** Validates the latches. */
        public Hold {
            Objects.requireNonNull(arrived, "arrived");
            Objects.requireNonNull(released, "released");
        }

        /**
         * Waits until a request reached the hold.
         *
         * @param timeout how long to wait at most
         * @return whether one did
         * @throws InterruptedException when interrupted while waiting
         */
        public boolean awaitHeld(Duration timeout) throws InterruptedException {
            return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        /** Lets the held request (or the next one to arrive) go on. */
        public void release() {
            released.countDown();
        }

        /** Called by the emulator for the request: signals the arrival and waits for the release. */
        void pass() throws InterruptedException {
            arrived.countDown();
            released.await(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
