package com.golisto.sync.core.runtime;

import com.golisto.sync.api.spi.ForwardingHttpClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP client a store's shop connector gets: every request holds a permit of the store's
 * {@link ShopConcurrencyLimit} while it is in flight, and tells it how it went: 429 and 503 answers and
 * timeouts are overloads, other answers are latencies, other I/O failures neither. It sees requests and
 * status codes only, never bodies or headers. Thread-safe.
 */
final class LimitedHttpClient extends ForwardingHttpClient {
    private final ShopConcurrencyLimit limit;

    LimitedHttpClient(HttpClient delegate, ShopConcurrencyLimit limit) {
        super(delegate);
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        ShopConcurrencyLimit.Permit permit = limit.acquire();
        ShopConcurrencyLimit.Outcome outcome = ShopConcurrencyLimit.Outcome.FAILED;
        try {
            HttpResponse<T> response = delegate().send(request, handler);
            outcome = outcome(response.statusCode());
            return response;
        } catch (HttpTimeoutException e) {
            outcome = ShopConcurrencyLimit.Outcome.OVERLOADED;
            throw e;
        } finally {
            permit.release(outcome);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.@Nullable PushPromiseHandler<T> push) {
        ShopConcurrencyLimit.Permit permit;
        try {
            permit = limit.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HttpResponse<T>> sent;
        try {
            sent = push == null ? delegate().sendAsync(request, handler) : delegate().sendAsync(request, handler, push);
        } catch (RuntimeException e) {
            permit.release(ShopConcurrencyLimit.Outcome.FAILED);
            throw e;
        }
        return sent.whenComplete((response, failure) -> permit.release(response != null
                ? outcome(response.statusCode()) : failureOutcome(failure)));
    }

    private static ShopConcurrencyLimit.Outcome failureOutcome(@Nullable Throwable failure) {
        boolean timeout = failure instanceof HttpTimeoutException
                || (failure != null && failure.getCause() instanceof HttpTimeoutException);
        return timeout ? ShopConcurrencyLimit.Outcome.OVERLOADED : ShopConcurrencyLimit.Outcome.FAILED;
    }

    private static ShopConcurrencyLimit.Outcome outcome(int status) {
        return status == 429 || status == 503 ? ShopConcurrencyLimit.Outcome.OVERLOADED
                : ShopConcurrencyLimit.Outcome.SUCCEEDED;
    }
}
