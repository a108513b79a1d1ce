package com.golisto.sync.connector.woocommerce;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * Reads a response body into memory, but no more than a cap: a body that declares a larger
 * {@code Content-Length}, or that turns out larger while it streams in, fails the request with
 * {@link TooLarge} (an {@link IOException}, as {@code HttpClient.send} expects of body failures) instead of
 * filling the heap. The connection is released by cancelling the subscription. One subscriber per response;
 * the handler is thread-safe.
 */
final class WooCommerceResponseCap implements HttpResponse.BodySubscriber<byte[]> {

    /** The body failure when the cap is exceeded. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long cap) {
            super("the response body exceeds " + cap + " bytes");
        }
    }

    private final HttpResponse.BodySubscriber<byte[]> delegate = HttpResponse.BodySubscribers.ofByteArray();
    private final long cap;
    private final long declared;
    private long received;
    private boolean failed;
    private Flow.@Nullable Subscription subscription;

    private WooCommerceResponseCap(long cap, long declared) {
        this.cap = cap;
        this.declared = declared;
    }

    /** A body handler that reads at most {@code cap} bytes. */
    static HttpResponse.BodyHandler<byte[]> handler(long cap) {
        return info -> new WooCommerceResponseCap(cap, info.headers().firstValueAsLong("Content-Length").orElse(-1));
    }

    /** The cap failure among {@code e}'s causes (HttpClient wraps body failures once more). */
    static Optional<TooLarge> find(@Nullable Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge tooLarge) {
                return Optional.of(tooLarge);
            }
        }
        return Optional.empty();
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
        delegate.onError(new TooLarge(cap));
    }
}
