package com.golisto.sync.core;

import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.sandbox.http.EmulatorRequest;
import com.golisto.sync.sandbox.http.EmulatorResponse;
import com.golisto.sync.sandbox.http.EmulatorServer;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The host application in end-to-end tests: a real HTTP server on loopback that routes the engine's
 * endpoints (connect return, key-grant callback, shop and marketplace webhooks) to whichever engine is
 * current, as the runner does. A test swaps the engine to simulate a restart on the same database.
 */
final class TestingHost extends EmulatorServer {

    private final AtomicReference<SyncEngine> engine = new AtomicReference<>();

    TestingHost(Clock clock) {
        super(clock);
    }

    TestingHost startHost() {
        start();
        return this;
    }

    void engine(SyncEngine current) {
        engine.set(current);
    }

    @Override
    protected EmulatorResponse handle(EmulatorRequest request) {
        SyncEngine current = engine.get();
        if (current == null) {
            return EmulatorResponse.text(503, "text/plain", "no engine");
        }
        String[] parts = request.path().split("/");
        InboundRequest inbound = new InboundRequest(request.method(), request.path(), request.rawQuery(),
                request.headers(), request.body());
        try {
            if (request.path().equals("/connect/return")) {
                String state = request.queryParam("state").orElse("");
                String code = request.queryParam("code").orElse(null);
                if (code == null) {
                    return EmulatorResponse.text(400, "text/plain", "connecting was refused");
                }
                StoreView store = current.completeConnect(state, code);
                return EmulatorResponse.text(200, "text/plain", "connected " + store.id() + ": " + store.status());
            }
            if (parts.length == 4 && parts[1].equals("wc-auth") && parts[2].equals("callback")) {
                StoreView store = current.completeCredentialGrant(parts[3], inbound);
                return EmulatorResponse.text(200, "text/plain", "keys stored for " + store.id());
            }
            if (parts.length == 4 && parts[1].equals("webhooks")) {
                return answer(current.handleShopWebhook(parts[3], inbound));
            }
            if (parts.length == 3 && parts[1].equals("webhooks")) {
                return answer(current.handleMarketplaceWebhook(inbound));
            }
            return EmulatorResponse.text(404, "text/plain", "not found");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return EmulatorResponse.text(503, "text/plain", "interrupted");
        } catch (ConnectFlowException e) {
            return EmulatorResponse.text(400, "text/plain", e.getMessage());
        }
    }

    private static EmulatorResponse answer(WebhookVerdict verdict) {
        return verdict instanceof WebhookVerdict.Rejected rejected
                ? EmulatorResponse.text(401, "text/plain", rejected.reason())
                : EmulatorResponse.text(200, "text/plain", verdict.getClass().getSimpleName());
    }
}
