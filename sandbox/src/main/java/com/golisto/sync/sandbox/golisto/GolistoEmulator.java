package com.golisto.sync.sandbox.golisto;

import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import com.golisto.sync.sandbox.http.Router;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful emulator of Golisto's WooCommerce integration API ({@code shared/golisto-api/openapi.yaml}) on
 * {@code 127.0.0.1}: the web host's connect page and the whole API on one ephemeral port. It enforces the
 * contract (validation, limits, status gates, error bodies, rate limit) and offers test hooks for what
 * Golisto's people and buyers do: approve, reject or disconnect a store ({@link #approve}, {@link #reject},
 * {@link #disconnectByGolisto}), sell and ship ({@link #sales()}), and send signed webhooks
 * ({@link #webhooks()}). Faults and request counts come from {@link EmulatorServer}.
 *
 * <p>Time is the injected {@link Clock} (codes expire after 10 minutes of it; the rate-limit window runs
 * on it); nothing waits on wall time. Thread-safe: the server threads and the test thread share state
 * under one lock.
 *
 * <pre>{@code
 * try (GolistoEmulator golisto = GolistoEmulator.builder().clock(clock).build()) {
 *     golisto.start();
 *     URI api = golisto.apiBaseUri();
 *     ...
 *     golisto.approve(connectionId);
 *     golisto.webhooks().deliverPending();
 * }
 * }</pre>
 */
public final class GolistoEmulator extends EmulatorServer {

    private static final Logger LOG = LoggerFactory.getLogger(GolistoEmulator.class);
    private static final String API = "/api/woocommerce";

    private final GolistoWebhooks webhooks;
    private final GolistoBackend backend;
    private final GolistoCatalog catalog;
    private final GolistoOrders orders;
    private final GolistoSalesSimulator sales;
    private final RateLimiter rateLimiter;
    private final Router router = new Router();

    private GolistoEmulator(Builder builder) {
        this.webhooks = new GolistoWebhooks(builder.webhookUrl);
        this.backend = new GolistoBackend(builder.clock, webhooks);
        this.catalog = new GolistoCatalog(backend);
        this.orders = new GolistoOrders(backend);
        this.sales = new GolistoSalesSimulator(backend, orders, builder.feeRate);
        this.rateLimiter = new RateLimiter(builder.clock, builder.rateLimit, builder.rateWindow);
        backend.autoApprove(builder.autoApprove);
        router.on("GET", "/woocommerce/connect", (r, p) -> backend.connectPage(r))
                .on("POST", API + "/connect/credentials", (r, p) -> backend.credentials(r))
                .on("GET", API + "/status", (r, p) -> backend.status(r))
                .on("POST", API + "/disconnect", (r, p) -> backend.disconnect(r))
                .on("POST", API + "/catalog/batch", (r, p) -> catalog.batch(r))
                .on("POST", API + "/inventory/batch", (r, p) -> catalog.inventory(r))
                .on("GET", API + "/catalog/{external_id}", (r, p) -> catalog.listing(r, param(p, "external_id")))
                .on("GET", API + "/orders", (r, p) -> orders.list(r))
                .on("GET", API + "/orders/{id}", (r, p) -> orders.get(r, param(p, "id")))
                .on("POST", API + "/orders/{id}/ack", (r, p) -> orders.ack(r, param(p, "id")));
    }

    /** Starts configuring an emulator (system UTC clock, no default webhook URL, 600 requests a minute). */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public GolistoEmulator start() {
        super.start();
        return this;
    }

    /** The web host ({@code https://golisto.com} in production): the connect page lives here. */
    public URI webBaseUri() {
        return baseUri();
    }

    /** The API host ({@code https://api.golisto.com} in production). */
    public URI apiBaseUri() {
        return baseUri();
    }

    // ---- test hooks: the merchant and Golisto's review ----

    /** When true, the connect page answers {@code error=access_denied}: the merchant refuses. */
    public void refuseConnect(boolean refuse) {
        backend.refuseConnect(refuse);
    }

    /** When true, credentials are approved on arrival (for demos); the default is false. */
    public void autoApprove(boolean approve) {
        backend.autoApprove(approve);
        webhooks.afterHook();
    }

    /** Golisto approves a store awaiting approval; queues {@code connection.approved}. */
    public void approve(String connectionId) {
        backend.approve(connectionId);
        webhooks.afterHook();
    }

    /** Golisto rejects a store awaiting approval; status {@code disconnected} with the reason. */
    public void reject(String connectionId, String reason) {
        backend.reject(connectionId, Objects.requireNonNull(reason, "reason"));
        webhooks.afterHook();
    }

    /** Golisto ends a connection; status {@code disconnected} with the reason; queues the webhook. */
    public void disconnectByGolisto(String connectionId, String reason) {
        backend.disconnectByGolisto(connectionId, Objects.requireNonNull(reason, "reason"));
        webhooks.afterHook();
    }

    /** Sets the rate limit: {@code limit} API requests per {@code window} of the emulator clock. */
    public void rateLimit(int limit, Duration window) {
        rateLimiter.configure(limit, window);
    }

    // ---- test accessors ----

    /** Every connection, in creation order. */
    public List<GolistoConnectionInfo> connections() {
        return backend.connections();
    }

    /** One connection. */
    public GolistoConnectionInfo connection(String connectionId) {
        return backend.connection(connectionId).info();
    }

    /** The listings of a connection as Golisto holds them, in creation order. */
    public List<GolistoListing> listings(String connectionId) {
        return catalog.listings(connectionId);
    }

    /** One listing as Golisto holds it. */
    public Optional<GolistoListing> listing(String connectionId, String externalId) {
        return catalog.listing(connectionId, externalId);
    }

    /** The sales simulator. */
    public GolistoSalesSimulator sales() {
        return sales;
    }

    /** The webhook queue and sender. */
    public GolistoWebhooks webhooks() {
        return webhooks;
    }

    /**
     * The contract's error body, for tests that inject a status fault that looks like Golisto's.
     *
     * @param code the error code
     * @param message the message
     * @return {@code {"error":{"code":...,"message":...}}}
     */
    public static String errorBody(String code, String message) {
        return Json.error(code, message);
    }

    // ---- the server ----

    @Override
    protected EmulatorResponse handle(EmulatorRequest request) {
        boolean api = request.path().startsWith("/api/");
        RateLimiter.Decision decision = api ? rateLimiter.acquire() : null;
        EmulatorResponse response;
        try {
            if (decision != null && !decision.allowed()) {
                response = error(new ApiException(429, "rate_limited", "too many requests; retry after "
                        + decision.retryAfterSeconds() + " s"))
                        .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            } else {
                Optional<Router.Match> match = router.match(request.method(), request.path());
                response = match.isPresent() ? match.get().route().handle(request, match.get().params())
                        : error(ApiException.notFound("no such endpoint: " + request.method() + " " + request.path()));
            }
        } catch (ApiException e) {
            response = error(e);
        } catch (RuntimeException e) {
            LOG.warn("Golisto emulator failed on {} {}", request.method(), request.path(), e);
            response = error(new ApiException(500, "internal_error", "the emulator failed: " + e.getClass().getSimpleName()));
        }
        if (decision != null) {
            response = response.withHeader("X-RateLimit-Remaining", Integer.toString(decision.remaining()));
        }
        return response;
    }

    @Override
    protected String routeKey(String method, String path) {
        return router.routeKey(method, path);
    }

    private static EmulatorResponse error(ApiException e) {
        EmulatorResponse response = EmulatorResponse.json(e.status(), Json.error(e.code(), e.message()));
        return e.status() == 401 ? response.withHeader("WWW-Authenticate", "Bearer") : response;
    }

    /** A path parameter, URL-decoded; the router matched the template that names it, so it is present. */
    private static String param(Map<String, String> params, String name) {
        String segment = Objects.requireNonNull(params.get(name), name);
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        super.close();
        webhooks.close();
    }

    /** Configures a {@link GolistoEmulator}; single use. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private @Nullable URI webhookUrl;
        private int rateLimit = 600;
        private Duration rateWindow = Duration.ofMinutes(1);
        private BigDecimal feeRate = new BigDecimal("0.10");
        private boolean autoApprove;
        private boolean built;

        private Builder() {
        }

        /** The emulator clock (codes, timestamps, rate-limit windows, webhook timestamps). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where webhooks go when the credentials named no {@code webhook_url}. */
        public Builder webhookUrl(URI url) {
            this.webhookUrl = url;
            return this;
        }

        /** The rate limit: {@code limit} API requests per {@code window}. */
        public Builder rateLimit(int limit, Duration window) {
            this.rateLimit = limit;
            this.rateWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /** Golisto's fee as a fraction of the order total, e.g. {@code 0.10}. */
        public Builder feeRate(BigDecimal rate) {
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
                throw new IllegalArgumentException("the fee rate is a fraction from 0 to 1: " + rate);
            }
            this.feeRate = rate;
            return this;
        }

        /** Approve every store as soon as its credentials arrive (demo convenience). */
        public Builder autoApprove(boolean autoApprove) {
            this.autoApprove = autoApprove;
            return this;
        }

        /** Builds a stopped emulator; call {@link GolistoEmulator#start()}. */
        public GolistoEmulator build() {
            if (built) {
                throw new IllegalStateException("this builder was already used");
            }
            built = true;
            return new GolistoEmulator(this);
        }
    }
}
