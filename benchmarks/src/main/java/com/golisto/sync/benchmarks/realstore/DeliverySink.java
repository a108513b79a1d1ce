package com.golisto.sync.benchmarks.realstore;

import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The engine's public URL during the measurement: answers 200 to every webhook the store delivers and drops it,
 * so that the store's webhooks stay active (WooCommerce disables one after repeated failed deliveries, and the
 * engine would then spend requests re-activating it) while the engine sees no webhook at all: on the real store
 * the day relies on the incremental passes alone. Listens on 127.0.0.1 at the port the store's loopback
 * mu-plugin allows (8765; recipe section 10), or at a free port when that one is taken.
 */
final class DeliverySink implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final AtomicLong deliveries = new AtomicLong();

    DeliverySink(int port) {
        QueuedThreadPool pool = new QueuedThreadPool(8, 2);
        pool.setName("delivery-sink");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                try (InputStream in = Content.Source.asInputStream(request)) {
                    in.readAllBytes();
                }
                deliveries.incrementAndGet();
                response.setStatus(200);
                response.write(true, ByteBuffer.allocate(0), callback);
                return true;
            }
        });
    }

    /** Starts on {@code preferredPort}, or on a free port when it is taken. */
    static DeliverySink start(int preferredPort) {
        DeliverySink sink = new DeliverySink(preferredPort);
        try {
            sink.server.start();
            return sink;
        } catch (Exception e) {
            sink.close();
            DeliverySink fallback = new DeliverySink(0);
            try {
                fallback.server.start();
            } catch (Exception again) {
                throw new IllegalStateException("the delivery sink did not start: " + again.getMessage(), again);
            }
            return fallback;
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort());
    }

    int port() {
        return connector.getLocalPort();
    }

    /** Webhook deliveries received (and dropped) so far. */
    long deliveries() {
        return deliveries.get();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping a loopback sink: nothing to recover
        }
    }
}
