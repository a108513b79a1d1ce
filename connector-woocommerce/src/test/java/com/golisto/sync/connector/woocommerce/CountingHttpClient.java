package com.golisto.sync.connector.woocommerce;

import com.golisto.sync.api.spi.ForwardingHttpClient;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HttpClient that also records the most requests it ever had in flight at once. */
final class CountingHttpClient extends ForwardingHttpClient {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger max = new AtomicInteger();

    CountingHttpClient() {
        super(HttpClient.newHttpClient());
    }

    int maxInFlight() {
        return max.get();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        max.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            return delegate().send(request, handler);
        } finally {
            inFlight.decrementAndGet();
        }
    }

}
