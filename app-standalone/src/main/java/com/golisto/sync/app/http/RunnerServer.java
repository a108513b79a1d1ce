package com.golisto.sync.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner's HTTP server: Jetty 12 with core handlers only, serving a list of {@link Route}s.
 *
 * <p>The edge is held by Jetty's own means ({@link HttpLimits}): the request header size (beyond it, 431),
 * the idle timeout, a minimum body data rate ({@link MinimumDataRateHandler}: a trickled body fails its read),
 * no {@code Server} version, and Jetty's own error pages carry the security headers ({@link EdgeErrorHandler}).
 * Handlers run on virtual threads, so clients that send slowly never take the
 * threads other requests need; Jetty's acceptor and selector keep their platform threads. In front of the
 * routes, {@link EdgeHandler} adds the security headers and refuses foreign {@code Host}s ({@link EdgePolicy}).
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
    private final HttpLimits limits;
    private final EdgePolicy policy;

    /**
     * A server with the default {@link HttpLimits} that accepts the {@code Host}s of {@link EdgePolicy#of}
     * (no public URL).
     *
     * @param host the address to listen on
     * @param port the port; 0 picks a free one
     * @param observer told about every answer
     */
    public RunnerServer(String host, int port, RequestObserver observer) {
        this(host, port, observer, HttpLimits.defaults(), EdgePolicy.of(host, null));
    }

    /**
     * @param host the address to listen on
     * @param port the port; 0 picks a free one
     * @param observer told about every answer
     * @param limits what one client may send
     * @param policy which {@code Host}s are answered
     */
    public RunnerServer(String host, int port, RequestObserver observer, HttpLimits limits, EdgePolicy policy) {
        this.host = Objects.requireNonNull(host, "host");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.policy = Objects.requireNonNull(policy, "policy");
        QueuedThreadPool pool = new QueuedThreadPool(64, 2);
        pool.setName("http");
        // blocking handlers (body reads, engine calls) run on virtual threads: a slow client holds no pool thread
        pool.setVirtualThreadsExecutor(Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("http-v", 0).factory()));
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setSendDateHeader(true);
        http.setRequestHeaderSize(limits.requestHeaderBytes());
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        // Jetty's own error pages (431, 414, 400, 505, 500) carry the security headers too
        server.setErrorHandler(new EdgeErrorHandler());
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
        Router router = new Router(routes, observer, limits.maxBodyBytes());
        server.setHandler(new EdgeHandler(new MinimumDataRateHandler(router, limits.minRequestBytesPerSecond(), 0),
                policy, observer));
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
