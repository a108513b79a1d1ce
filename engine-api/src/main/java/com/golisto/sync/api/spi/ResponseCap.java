package com.golisto.sync.api.spi;

import com.golisto.sync.api.annotations.Nullable;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads an HTTP response body into memory, but no more than a cap, so that a remote's huge (or endless)
 * answer fails one request instead of filling the heap. Made for connectors using the JDK's
 * {@link java.net.http.HttpClient} (the one {@link ConnectorContext#httpClient()} hands them):
 *
 * <pre>{@code
 * HttpResponse<byte[]> response = http.send(request, ResponseCap.handler("Golisto (api.golisto.com)", cap));
 * }</pre>
 *
 * <p>A body that declares a larger {@code Content-Length}, or that turns out larger while it streams in,
 * fails the request with {@link TooLargeException}: an {@link IOException}, as {@code HttpClient.send}
 * expects of body failures, which names the remote and the cap. The connection is released by cancelling
 * the subscription. Use {@link #find(Throwable)} in the {@code catch} to tell the cap apart from a network
 * failure: the same request would get the same answer again, so it is usually not worth retrying.
 *
 * <p>The handler is immutable and thread-safe, one per connector is enough; it creates one subscriber per
 * response.
 */
public final class ResponseCap {

    private ResponseCap() {
    }

    /** The body failure when a response exceeds its cap; its message names the remote and the cap. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        private final String remote;
        private final long cap;

        /**
         * @param remote who answered, as the operator knows it (e.g. {@code WooCommerce at shop.example})
         * @param cap the cap in bytes
         */
        public TooLargeException(String remote, long cap) {
            super("the response body from " + remote + " exceeds the cap of " + cap + " bytes");
            this.remote = remote;
            this.cap = cap;
        }

        /** Who answered, as given to {@link ResponseCap#handler}. */
        public String remote() {
            return remote;
        }

        /** The cap in bytes. */
        public long cap() {
            return cap;
        }
    }

    /**
     * A body handler that reads at most {@code cap} bytes of each response.
     *
     * @param remote who answers, for the error message (e.g. {@code Golisto (api.golisto.com)}); never a
     *     secret or a URL with credentials
     * @param cap the largest body read, in bytes; positive
     * @throws IllegalArgumentException if {@code cap} is not positive
     */
    public static HttpResponse.BodyHandler<byte[]> handler(String remote, long cap) {
        Objects.requireNonNull(remote, "remote");
        if (cap <= 0) {
            throw new IllegalArgumentException("the response cap must be positive, not " + cap);
        }
        return info -> new Subscriber(remote, cap, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /**
     * The cap failure among {@code failure} and its causes ({@code HttpClient} may wrap body failures once
     * more); empty when the failure is something else.
     */
    public static Optional<TooLargeException> find(@Nullable Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TooLargeException tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
    }

    /** One response's body: counts what arrives and hands it on until the cap is passed. */
    private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
        private final String remote;
        private final long cap;
        private final long declared;
        private long received;
        private boolean failed;
        private Flow.@Nullable Subscription subscription;

        Subscriber(String remote, long cap, long declared) {
            this.remote = remote;
            this.cap = cap;
            this.declared = declared;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return delegate.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            delegate.onSubscribe(s);
            if (declared > cap) {
                fail(s);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (failed) {
                return;
            }
            for (ByteBuffer b : items) {
                received += b.remaining();
            }
            Flow.Subscription s = subscription;
            if (received > cap && s != null) {
                fail(s);
            } else {
                delegate.onNext(items);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (!failed) {
                delegate.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                delegate.onComplete();
            }
        }

        private void fail(Flow.Subscription s) {
            failed = true;
            s.cancel();
            delegate.onError(new TooLargeException(remote, cap));
        }
    }
}
