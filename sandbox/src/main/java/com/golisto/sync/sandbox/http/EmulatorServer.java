package com.golisto.sync.sandbox.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every emulator: a Jetty 12 server (core handlers, no servlets) bound to {@code 127.0.0.1}
 * on an ephemeral port, with request accounting and fault injection in front of the subclass's
 * routing.
 *
 * <p>For each request the server (1) reads it fully into an {@link EmulatorRequest}, (2) counts it
 * in {@link #requests()} under {@link #routeKey(String, String)}, (3) applies the next matching
 * {@link Fault} from {@link #faults()}, if any, and (4) delegates to {@link #handle(EmulatorRequest)}.
 * Subclasses usually route with a {@link Router}. Handling runs on a pool thread and may block.
 *
 * <p>Lifecycle: construct, {@link #start()}, use {@link #baseUri()}, {@link #close()}.
 */
public abstract class EmulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorServer.class);
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.ENGLISH);

    private final RequestLog requests = new RequestLog();
    private final FaultInjector faults = new FaultInjector();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile @Nullable LoadModel load;
    private final Server server;
    private final ServerConnector connector;
    private final Clock clock;
    private volatile @Nullable URI baseUri;

    /** Creates a stopped server whose {@code Date} headers follow the system clock; call {@link #start()}. */
    protected EmulatorServer() {
        this(Clock.systemUTC());
    }

    /**
     * Creates a stopped server; call {@link #start()}.
     *
     * @param clock the emulator's clock: every response's {@code Date} header is taken from it, as a
     *              remote's own clock would be
     */
    protected EmulatorServer(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        QueuedThreadPool pool = new QueuedThreadPool(64, 4);
        pool.setName(getClass().getSimpleName());
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendDateHeader(false);
        httpConfig.setSendServerVersion(false);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(httpConfig));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new EmulatorHandler());
        server.setStopTimeout(0); // an emulator stops at once, open keep-alive connections included
    }

    /**
     * Starts listening on an ephemeral loopback port.
     *
     * @return this server
     * @throws IllegalStateException when Jetty cannot start
     */
    public synchronized EmulatorServer start() {
        if (baseUri != null) {
            return this;
        }
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("emulator did not start: " + e.getMessage(), e);
        }
        baseUri = URI.create("http://127.0.0.1:" + connector.getLocalPort());
        LOG.debug("{} listening on {}", getClass().getSimpleName(), baseUri);
        return this;
    }

    /**
     * Returns {@code http://127.0.0.1:<port>} (no trailing slash).
     *
     * @throws IllegalStateException before {@link #start()}
     */
    public URI baseUri() {
        URI uri = baseUri;
        if (uri == null) {
            throw new IllegalStateException("emulator not started");
        }
        return uri;
    }

    /** Returns the clock this emulator runs on. */
    public Clock clock() {
        return clock;
    }

    /** Returns the request counts by route key. */
    public RequestLog requests() {
        return requests;
    }

    /** Returns the fault rules of this server. */
    public FaultInjector faults() {
        return faults;
    }

    /** Sets how the server reacts to requests in flight (see {@link LoadModel}), or null for no reaction. */
    public void load(@Nullable LoadModel model) {
        this.load = model;
    }

    /** Stops the server; idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("emulator stop failed", e);
        }
    }

    /**
     * Answers one request (after it was counted and no fault replaced it).
     *
     * @param request the fully read request
     * @return the response, never null
     */
    protected abstract EmulatorResponse handle(EmulatorRequest request);

    /**
     * Returns the key the request is counted under. The default is the method, a space and the path
     * with every all-digit segment replaced by {@code {id}}; subclasses with a {@link Router}
     * usually return {@link Router#routeKey(String, String)}.
     *
     * @param method the request method
     * @param path the raw request path
     * @return the key
     */
    protected String routeKey(String method, String path) {
        return defaultRouteKey(method, path);
    }

    static String defaultRouteKey(String method, String path) {
        String[] segments = path.split("/", -1);
        StringBuilder sb = new StringBuilder(method).append(' ');
        for (int i = 0; i < segments.length; i++) {
            if (i > 0) {
                sb.append('/');
            }
            sb.append(DIGITS.matcher(segments[i]).matches() ? "{id}" : segments[i]);
        }
        return sb.toString();
    }

    private final class EmulatorHandler extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            // in flight until the answer is ready: a client may send its next request as soon as it has one
            AtomicBoolean served = new AtomicBoolean();
            Runnable leave = () -> {
                if (served.compareAndSet(false, true)) {
                    inFlight.decrementAndGet();
                }
            };
            int concurrent = inFlight.incrementAndGet();
            try {
                return serve(request, response, callback, concurrent, leave);
            } finally {
                leave.run();
            }
        }

        private boolean serve(Request request, Response response, Callback callback, int concurrent,
                Runnable leave) throws Exception {
            EmulatorRequest req = read(request);
            requests.record(routeKey(req.method(), req.path()));
            Optional<Fault> fault = faults.next(req.method(), req.path());
            LoadModel model = load;
            if (fault.isEmpty() && model != null) {
                fault = Optional.ofNullable(model.onRequest(req.method(), req.path(), concurrent));
            }
            if (fault.isPresent()) {
                switch (fault.get()) {
                    case Fault.Latency latency -> sleep(latency.delay());
                    case Fault.Hold hold -> hold.pass();
                    case Fault.Status status -> {
                        leave.run();
                        write(response, callback, statusResponse(status));
                        return true;
                    }
                    case Fault.ConnectionReset reset -> {
                        leave.run();
                        abort(request, callback);
                        return true;
                    }
                    case Fault.TruncatedBody truncated -> {
                        EmulatorResponse cut = answer(req);
                        leave.run();
                        writeTruncated(request, response, callback, cut);
                        return true;
                    }
                }
            }
            EmulatorResponse answer = answer(req);
            leave.run();
            write(response, callback, answer);
            return true;
        }

        private EmulatorResponse answer(EmulatorRequest req) {
            try {
                return EmulatorServer.this.handle(req);
            } catch (RuntimeException e) {
                LOG.warn("emulator handler failed for {} {}", req.method(), req.path(), e);
                return EmulatorResponse.json(500, "{\"code\":\"internal_server_error\",\"message\":\""
                        + e.getClass().getSimpleName() + "\",\"data\":{\"status\":500}}");
            }
        }
    }

    private static EmulatorRequest read(Request request) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.computeIfAbsent(field.getLowerCaseName(), k -> new ArrayList<>()).add(field.getValue());
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readAllBytes();
        }
        String query = request.getHttpURI().getQuery();
        return new EmulatorRequest(request.getMethod(), request.getHttpURI().getPath(), query,
                EmulatorRequest.parseQuery(query), headers, body, Request.getRemoteAddr(request));
    }

    private static EmulatorResponse statusResponse(Fault.Status status) {
        EmulatorResponse resp = status.body().startsWith("{") || status.body().startsWith("[")
                ? EmulatorResponse.json(status.code(), status.body())
                : EmulatorResponse.text(status.code(), "text/html; charset=UTF-8", status.body());
        if (status.retryAfter() != null) {
            resp = resp.withHeader("Retry-After", Long.toString(status.retryAfter().toSeconds()));
        }
        return resp;
    }

    private void write(Response response, Callback callback, EmulatorResponse resp) {
        response.setStatus(resp.status());
        response.getHeaders().put(HttpHeader.DATE, httpDate());
        for (EmulatorResponse.Header h : resp.headers()) {
            response.getHeaders().add(h.name(), h.value());
        }
        byte[] body = resp.rawBody();
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    private static void abort(Request request, Callback callback) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        endPoint.close();
        // the endpoint is closed: completing the exchange writes nothing more (failing it would log a 500)
        callback.succeeded();
    }

    private void writeTruncated(Request request, Response response, Callback callback,
                                EmulatorResponse resp) {
        response.setStatus(resp.status());
        response.getHeaders().put(HttpHeader.DATE, httpDate());
        for (EmulatorResponse.Header h : resp.headers()) {
            response.getHeaders().add(h.name(), h.value());
        }
        byte[] body = resp.rawBody();
        // declare more than we send, so that even an empty body is visibly cut short
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length + 64L);
        ByteBuffer half = ByteBuffer.wrap(body, 0, body.length / 2);
        response.write(false, half, Callback.from(() -> abort(request, callback), failure -> abort(request, callback)));
    }

    private String httpDate() {
        return HTTP_DATE.format(clock.instant().atZone(ZoneOffset.UTC));
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
