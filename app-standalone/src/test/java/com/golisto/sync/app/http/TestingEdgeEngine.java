package com.golisto.sync.app.http;

import com.golisto.sync.api.spi.InboundRequest;
import com.golisto.sync.api.spi.WebhookVerdict;
import com.golisto.sync.core.SyncEngine;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An engine for edge tests: healthy, no stores, and a marketplace webhook verification that accepts a body
 * whose {@value #SIGNATURE_HEADER} is its HMAC-SHA256 under {@link #SECRET} (so a "genuine" delivery is one
 * signed like that). Every other call fails the request it serves.
 */
final class TestingEdgeEngine {
    static final String SIGNATURE_HEADER = "x-testing-signature";
    static final byte[] SECRET = "testing-webhook-secret".getBytes(StandardCharsets.UTF_8);

    private TestingEdgeEngine() {
    }

    static SyncEngine create(AtomicInteger storeLookups) {
        return (SyncEngine) Proxy.newProxyInstance(SyncEngine.class.getClassLoader(), new Class<?>[] {SyncEngine.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "healthy" -> true;
                    case "store" -> {
                        storeLookups.incrementAndGet();
                        yield Optional.empty();
                    }
                    case "handleMarketplaceWebhook" -> verify((InboundRequest) args[0]);
                    case "toString" -> "TestingEdgeEngine";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static WebhookVerdict verify(InboundRequest request) {
        List<String> signature = request.headers().getOrDefault(SIGNATURE_HEADER, List.of());
        boolean genuine = signature.size() == 1 && MessageDigest.isEqual(
                signature.get(0).getBytes(StandardCharsets.US_ASCII), sign(request.body()).getBytes(StandardCharsets.US_ASCII));
        return genuine ? new WebhookVerdict.Accepted("delivery-" + sign(request.body()), List.of())
                : new WebhookVerdict.Rejected("signature mismatch");
    }
}
