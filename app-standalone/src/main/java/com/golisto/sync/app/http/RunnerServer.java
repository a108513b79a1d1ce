package com.golisto.sync.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's HTTP server: Jetty 12 with core handlers only, serving a list of {@link Route}s.
 *
 * <p>Lifecycle: construct, {@link #bind()} (the port is then known, so the public URL can be derived
 * before the engine is built), {@link #start(List)}, {@link #close()}. Thread-safe.
 */
public final class RunnerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RunnerServer.class);

    private final Server server;
    private final ServerConnector connector;
    private final String host;
    private final RequestObserver observer;

    /**
     * @param host the address to listen on
     * @param port the port; 0 picks a free one
     * @param observer told about every answer
     */
    public RunnerServer(String host, int port, RequestObserver observer) {
        this.host = Objects.requireNonNull(host, "host");
        this.observer = Objects.requireNonNull(observer, "observer");
        QueuedThreadPool pool = new QueuedThreadPool(64, 2);
        pool.setName("http");
        this.server = new Server(pool);
        this.connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setStopTimeout(2_000);
    }

    /**
     * Binds the port without answering yet.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized RunnerServer bind() {
        if (connector.isOpen()) {
            return this;
        }
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + connector.getPort() + " ("
                    + e.getMessage() + "); is another runner using it? Set server.port", e);
        }
        return this;
    }

    /**
     * Starts answering with these routes (binding first if needed).
     *
     * @throws IllegalStateException when Jetty cannot start
     */
    public synchronized RunnerServer start(List<Route> routes) {
        bind();
        server.setHandler(new Router(routes, observer));
        try {
            server.start();
        } catch (Exception e) {
            close();
            throw new IllegalStateException("the HTTP server did not start: " + e.getMessage(), e);
        }
        LOG.info("event=http_listening address={}", localUri());
        return this;
    }

    /** The bound port (the real one when 0 was asked for); -1 before {@link #bind()}. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port} as bound (a wildcard host shows as {@code 127.0.0.1}). */
    public URI localUri() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return URI.create("http://" + (shown.contains(":") ? "[" + shown + "]" : shown) + ":" + port());
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server and releases the port; idempotent. */
    @Override
    public synchronized void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("event=http_stop_failed error=\"{}\"", e.toString());
        }
        try {
            connector.close();
        } catch (RuntimeException e) {
            LOG.debug("connector close failed", e);
        }
    }
}
