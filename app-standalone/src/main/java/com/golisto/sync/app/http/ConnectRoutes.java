package com.golisto.sync.app.http;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The connect steps that come from outside: {@code GET /connect/return?state=&code=} (Golisto sends the
 * merchant's browser back; a small page says what happened), {@code POST /wc-auth/callback/{state}}
 * (WooCommerce posts the API keys the merchant granted) and {@code GET /wc-auth/return} (WooCommerce sends
 * the browser back after the grant).
 */
public final class ConnectRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectRoutes.class);

    private final SyncEngine engine;

    /** @param engine completes the connect steps */
    public ConnectRoutes(SyncEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** The routes. */
    public List<Route> routes() {
        return List.of(
                Route.get("/connect/return", this::connectReturn),
                Route.post("/wc-auth/callback/{state}", this::credentialCallback),
                Route.get("/wc-auth/return", this::credentialReturn));
    }

    private void connectReturn(Exchange ex) throws InterruptedException {
        Optional<String> error = ex.query("error");
        Optional<String> state = ex.query("state").filter(s -> !s.isBlank());
        Optional<String> code = ex.query("code").filter(s -> !s.isBlank());
        if (error.isPresent()) {
            LOG.info("event=connect_refused error=\"{}\"", LogValue.of(error.get()));
            ex.html(400, page("Store not linked", "bad",
                    "Golisto did not link the store: " + describe(error.get()) + ".",
                    "Start again from the runner (<code>connect STORE</code> or the admin API) when you are ready."));
            return;
        }
        if (state.isEmpty() || code.isEmpty()) {
            ex.html(400, page("Store not linked", "bad",
                    "This page expects the state and code Golisto sends back; "
                            + (state.isEmpty() ? "state" : "code") + " is missing.",
                    "Open the connect link the runner printed and sign in on Golisto."));
            return;
        }
        StoreView store;
        try {
            store = engine.completeConnect(state.get(), code.get());
        } catch (SyncException e) {
            LOG.warn("event=connect_failed error=\"{}\"", LogValue.of(e.getMessage()));
            ex.html(400, page("Store not linked", "bad", "Linking failed: " + e.getMessage(),
                    "Start again from the runner to get a fresh link."));
            return;
        }
        LogContext.store(store.id());
        LOG.info("event=connect_completed status={}", store.status());
        String next = store.status() == ConnectionStatus.APPROVED
                ? "Golisto approved the store: the first full sync starts now."
                : store.status() == ConnectionStatus.AWAITING_APPROVAL
                        ? "Golisto now reviews the store; synchronisation starts as soon as it is approved."
                        : "Connection status: " + store.status().name().toLowerCase(java.util.Locale.ROOT) + ".";
        ex.html(200, page("Store linked", "ok", "Store " + store.id() + " is linked to Golisto.", next
                + " You can close this page."));
    }

    private void credentialCallback(Exchange ex) {
        String state = ex.pathParam("state");
        byte[] body = ex.body();
        StoreView store;
        try {
            store = engine.completeCredentialGrant(state, new InboundRequest(ex.method(), ex.path(), ex.rawQuery(),
                    ex.headers(), body));
        } catch (SyncException e) {
            LOG.warn("event=credential_grant_failed error=\"{}\"", LogValue.of(e.getMessage()));
            throw new HttpError(400, "grant_refused", HttpError.messageOf(e));
        }
        LogContext.store(store.id());
        LOG.info("event=credential_grant_completed");
        ex.json(200, "{\"result\":\"stored\",\"store_id\":" + Json.quote(store.id()) + "}");
    }

    /** Where WooCommerce sends the merchant's browser after the key grant ({@code success=1} or {@code 0}). */
    private void credentialReturn(Exchange ex) {
        boolean granted = ex.query("success").filter("1"::equals).isPresent();
        if (granted) {
            ex.html(200, page("Keys granted", "ok", "WooCommerce granted Golisto Sync its API keys.",
                    "Next, link the store to Golisto: run <code>connect STORE</code> again (or"
                            + " <code>POST /api/stores/{id}/connect</code>) and open the Golisto link."));
        } else {
            ex.html(400, page("Keys not granted", "bad", "WooCommerce did not grant the API keys.",
                    "Start again from the runner when the shop's administrator is ready to approve them."));
        }
    }

    private static String describe(String error) {
        return switch (error) {
            case "access_denied" -> "the merchant declined (access_denied)";
            default -> error;
        };
    }

    private static String page(String title, String cls, String headline, String detail) {
        return Html.page(title + " · Golisto Sync", "<h1 class=\"" + cls + "\">" + Html.escape(title) + "</h1>"
                + "<p>" + Html.escape(headline) + "</p><p class=\"muted\">" + detail + "</p>");
    }
}
