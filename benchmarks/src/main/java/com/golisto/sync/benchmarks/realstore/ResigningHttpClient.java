package com.golisto.sync.benchmarks.realstore;

import com.golisto.sync.api.spi.ForwardingHttpClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP client the engine under test shares between its connectors: requests to the shop (same scheme, host
 * and port as {@code shopUrl}) are counted in a {@link ShopTally} and re-signed with the real time first (the
 * engine signs with its test clock, hours ahead during a simulated day, and WooCommerce refuses OAuth timestamps
 * more than 15 minutes off); everything else (the Golisto emulator) passes through unchanged. Only the OAuth
 * parameters change: the path, the other query parameters, the headers and the body are sent as the engine built
 * them. Thread-safe.
 */
final class ResigningHttpClient extends ForwardingHttpClient {

    private final URI shopUrl;
    private final OAuthSigner signer;
    private final ShopTally tally;

    ResigningHttpClient(HttpClient delegate, URI shopUrl, OAuthSigner signer, ShopTally tally) {
        super(delegate);
        this.shopUrl = shopUrl;
        this.signer = signer;
        this.tally = tally;
    }

    private boolean toShop(URI uri) {
        return shopUrl.getScheme().equals(uri.getScheme()) && shopUrl.getHost().equals(uri.getHost())
                && port(shopUrl) == port(uri);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private HttpRequest resign(HttpRequest request) {
        URI uri = request.uri();
        List<Map.Entry<String, String>> query = new ArrayList<>();
        String raw = uri.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!key.startsWith("oauth_")) {
                    query.add(Map.entry(key, value));
                }
            }
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
        URI signed = URI.create(signer.signedUrl(request.method(), base, query));
        return HttpRequest.newBuilder(request, (name, value) -> true).uri(signed).build();
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        if (!toShop(request.uri())) {
            return delegate().send(request, handler);
        }
        HttpRequest signed = resign(request);
        long started = System.nanoTime();
        int status = -1;
        try {
            HttpResponse<T> response = delegate().send(signed, handler);
            status = response.statusCode();
            return response;
        } finally {
            tally.record(request.method(), request.uri().getRawPath(), status, System.nanoTime() - started);
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.@org.jspecify.annotations.Nullable PushPromiseHandler<T> push) {
        if (!toShop(request.uri())) {
            return super.sendAsync(request, handler, push);
        }
        HttpRequest signed = resign(request);
        long started = System.nanoTime();
        return super.sendAsync(signed, handler, push).whenComplete((response, error) -> tally.record(
                request.method(), request.uri().getRawPath(), response == null ? -1 : response.statusCode(),
                System.nanoTime() - started));
    }
}
