package com.golisto.sync.app.metrics;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP client the runner hands the engine: a plain {@link HttpClient} that also counts every request
 * in {@link RunnerMetrics} by remote (named from the request's host) and status. It sees requests only,
 * never bodies or headers, so no secret can reach a metric. Thread-safe.
 */
public final class MeteredHttpClient extends HttpClient {
    private final HttpClient delegate;
    private final RunnerMetrics metrics;
    private final Function<URI, String> remoteName;

    /**
     * @param delegate the client that does the work
     * @param metrics where requests are counted
     * @param remoteName names the remote a request goes to (low cardinality, e.g. {@code golisto})
     */
    public MeteredHttpClient(HttpClient delegate, RunnerMetrics metrics, Function<URI, String> remoteName) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.remoteName = Objects.requireNonNull(remoteName, "remoteName");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int status = -1;
        try {
            HttpResponse<T> response = delegate.send(request, handler);
            status = response.statusCode();
            return response;
        } finally {
            record(request, status, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler)
                .whenComplete((response, failure) -> record(request, response == null ? -1 : response.statusCode(), start));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.PushPromiseHandler<T> push) {
        long start = System.nanoTime();
        return delegate.sendAsync(request, handler, push)
                .whenComplete((response, failure) -> record(request, response == null ? -1 : response.statusCode(), start));
    }

    private void record(HttpRequest request, int status, long startNanos) {
        metrics.remoteRequest(remoteName.apply(request.uri()), request.method(), status,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public void shutdown() {
        delegate.shutdown();
    }

    @Override
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        return delegate.awaitTermination(duration);
    }

    @Override
    public boolean isTerminated() {
        return delegate.isTerminated();
    }

    @Override
    public void shutdownNow() {
        delegate.shutdownNow();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
