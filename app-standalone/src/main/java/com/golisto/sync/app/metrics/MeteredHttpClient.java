package com.golisto.sync.app.metrics;

import com.golisto.sync.api.spi.ForwardingHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP client the runner hands the engine: a plain {@link HttpClient} that also counts every request
 * in {@link RunnerMetrics} by remote (named from the request's host) and status. It sees requests only,
 * never bodies or headers, so no secret can reach a metric. Thread-safe.
 */
public final class MeteredHttpClient extends ForwardingHttpClient {
    private final RunnerMetrics metrics;
    private final Function<URI, String> remoteName;

    /**
     * @param delegate the client that does the work
     * @param metrics where requests are counted
     * @param remoteName names the remote a request goes to (low cardinality, e.g. {@code golisto})
     */
    public MeteredHttpClient(HttpClient delegate, RunnerMetrics metrics, Function<URI, String> remoteName) {
        super(delegate);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.remoteName = Objects.requireNonNull(remoteName, "remoteName");
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        int status = -1;
        try {
            HttpResponse<T> response = delegate().send(request, handler);
            status = response.statusCode();
            return response;
        } finally {
            record(request, status, start);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
                                                            HttpResponse.@Nullable PushPromiseHandler<T> push) {
        long start = System.nanoTime();
        return super.sendAsync(request, handler, push)
                .whenComplete((response, failure) -> record(request, response == null ? -1 : response.statusCode(), start));
    }

    private void record(HttpRequest request, int status, long startNanos) {
        metrics.remoteRequest(remoteName.apply(request.uri()), request.method(), status,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
