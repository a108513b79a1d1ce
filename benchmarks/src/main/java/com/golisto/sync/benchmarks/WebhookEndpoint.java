package com.golisto.sync.benchmarks;

import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.SyncEngine;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The benchmark's stand-in for a host's HTTP endpoints: a Jetty server on {@code 127.0.0.1} that hands
 * {@code POST /webhooks/woocommerce/{storeId}} to {@link SyncEngine#handleShopWebhook} and
 * {@code POST /webhooks/golisto} to {@link SyncEngine#handleMarketplaceWebhook}, answering 401 for a
 * rejected delivery and 200 otherwise, exactly as the runner does. Counts accepted shop deliveries so the
 * webhook scenario knows when all of them arrived.
 */
final class WebhookEndpoint implements AutoCloseable {

    private static final String SHOP_PREFIX = "/webhooks/woocommerce/";

    private final Server server;
    private final ServerConnector connector;
    private final AtomicLong shopAccepted = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile Supplier<SyncEngine> engine = () -> null;

    WebhookEndpoint() {
        QueuedThreadPool pool = new QueuedThreadPool(16, 2);
        pool.setName("webhook-endpoint");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                int status = dispatch(request);
                response.setStatus(status);
                response.write(true, ByteBuffer.allocate(0), callback);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("the webhook endpoint did not start: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}: the engine's public URL. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    /** Routes deliveries to this engine from now on. */
    void attach(SyncEngine syncEngine) {
        this.engine = () -> syncEngine;
    }

    /** Shop deliveries the engine accepted so far. */
    long shopAccepted() {
        return shopAccepted.get();
    }

    /** Deliveries the engine rejected so far (should stay 0). */
    long rejected() {
        return rejected.get();
    }

    private int dispatch(Request request) throws java.io.IOException {
        SyncEngine target = engine.get();
        String path = request.getHttpURI().getPath();
        if (target == null || !"POST".equals(request.getMethod())) {
            return 404;
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>()).add(field.getValue());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        }
        InboundRequest inbound = new InboundRequest("POST", path, request.getHttpURI().getQuery(), headers, body);
        WebhookVerdict verdict;
        if (path.startsWith(SHOP_PREFIX)) {
            verdict = target.handleShopWebhook(path.substring(SHOP_PREFIX.length()), inbound);
            if (verdict instanceof WebhookVerdict.Accepted) {
                shopAccepted.incrementAndGet();
            }
        } else if (path.equals("/webhooks/golisto")) {
            verdict = target.handleMarketplaceWebhook(inbound);
        } else {
            return 404;
        }
        if (verdict instanceof WebhookVerdict.Rejected) {
            rejected.incrementAndGet();
            return 401;
        }
        return 200;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a loopback test server: nothing to recover
        }
    }
}
