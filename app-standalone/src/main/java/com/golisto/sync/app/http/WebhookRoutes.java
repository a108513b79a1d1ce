package com.golisto.sync.app.http;

import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.UnknownStoreException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * {@code POST /webhooks/{shop connector}/{storeId}} (WooCommerce: {@code /webhooks/woocommerce/{storeId}})
 * and {@code POST /webhooks/golisto}. The raw body is read (at most 1 MiB; larger ones are refused with
 * 413 before being read whole) and handed to the engine, which verifies the signature on those exact
 * bytes before anything parses them. A rejected delivery is answered 401 and leaves nothing behind.
 *
 * <p>Nothing a client makes up becomes a metric label or a log field: a path whose connector segment is not a
 * known shop connector is answered 404 and counted under source {@value #UNKNOWN_SOURCE}; a store id is only
 * used after it names a registered store (and reaches the log through {@link LogContext}, which checks it).
 */
public final class WebhookRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookRoutes.class);

    /** The metric source of deliveries to a path that names no known shop connector. */
    public static final String UNKNOWN_SOURCE = "unknown";

    private final SyncEngine engine;
    private final RunnerMetrics metrics;
    private final Set<String> shopConnectors;

    /**
     * @param engine verifies and acts on deliveries
     * @param metrics counts verifications by result
     * @param shopConnectors the shop connector ids deliveries may name (e.g. {@code woocommerce}); the only
     *     values the {@code source} label takes besides {@code golisto} and {@value #UNKNOWN_SOURCE}
     */
    public WebhookRoutes(SyncEngine engine, RunnerMetrics metrics, Set<String> shopConnectors) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.shopConnectors = Set.copyOf(shopConnectors);
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(
                Route.post("/webhooks/golisto", this::marketplace),
                Route.post("/webhooks/{connector}/{storeId}", this::shop));
    }

    private void shop(Exchange ex) {
        String connector = ex.pathParam("connector");
        String storeId = ex.pathParam("storeId");
        if (!shopConnectors.contains(connector)) {
            metrics.webhookVerified(UNKNOWN_SOURCE, "unknown_connector");
            LOG.debug("event=webhook_refused source={} reason=unknown_connector", UNKNOWN_SOURCE);
            throw HttpError.notFound("no webhook endpoint at this path");
        }
        LogContext.store(storeId);
        Optional<StoreView> store = safeStore(storeId);
        if (store.isEmpty() || !store.get().shopConnectorId().equals(connector)) {
            metrics.webhookVerified(connector, "unknown_store");
            LOG.info("event=webhook_refused source={} reason=unknown_store", connector);
            throw HttpError.notFound("no store with this id and a " + connector + " shop");
        }
        byte[] body = read(ex, connector);
        WebhookVerdict verdict;
        try {
            verdict = engine.handleShopWebhook(storeId, inbound(ex, body));
        } catch (UnknownStoreException e) {
            metrics.webhookVerified(connector, "unknown_store");
            throw HttpError.notFound("no store " + storeId);
        }
        answer(ex, connector, verdict);
    }

    private void marketplace(Exchange ex) {
        byte[] body = read(ex, "golisto");
        WebhookVerdict verdict;
        try {
            verdict = engine.handleMarketplaceWebhook(inbound(ex, body));
        } catch (UnknownStoreException e) {
            metrics.webhookVerified("golisto", "unknown_store");
            LOG.info("event=webhook_refused source=golisto reason=unknown_connection");
            throw new HttpError(401, "unknown_connection", "the delivery names no connection this runner serves");
        }
        answer(ex, "golisto", verdict);
    }

    private byte[] read(Exchange ex, String source) {
        try {
            return ex.body();
        } catch (HttpError e) {
            if (e.status() == 413) {
                metrics.webhookVerified(source, "too_large");
                LOG.warn("event=webhook_refused source={} reason=too_large", source);
            }
            throw e;
        }
    }

    private static InboundRequest inbound(Exchange ex, byte[] body) {
        return new InboundRequest(ex.method(), ex.path(), ex.rawQuery(), ex.headers(), body);
    }

    private Optional<StoreView> safeStore(String storeId) {
        if (storeId.length() > 64) {
            return Optional.empty(); // no store id is longer; not worth a query
        }
        try {
            return engine.store(storeId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void answer(Exchange ex, String source, WebhookVerdict verdict) {
        switch (verdict) {
            case WebhookVerdict.Rejected rejected -> {
                metrics.webhookVerified(source, "rejected");
                LOG.warn("event=webhook_rejected source={} reason=\"{}\"", source, LogValue.of(rejected.reason()));
                throw new HttpError(401, "invalid_signature", "the delivery could not be verified");
            }
            case WebhookVerdict.Accepted accepted -> {
                metrics.webhookVerified(source, "accepted");
                LOG.info("event=webhook_accepted source={} notifications={}", source, accepted.notifications().size());
                ex.json(200, "{\"result\":\"accepted\"}");
            }
            case WebhookVerdict.Ping ping -> {
                metrics.webhookVerified(source, "ping");
                LOG.info("event=webhook_ping source={}", source);
                ex.json(200, "{\"result\":\"ping\"}");
            }
            case WebhookVerdict.Ignored ignored -> {
                metrics.webhookVerified(source, "ignored");
                LOG.info("event=webhook_ignored source={} reason=\"{}\"", source, LogValue.of(ignored.reason()));
                ex.json(200, "{\"result\":\"ignored\"}");
            }
        }
    }
}
