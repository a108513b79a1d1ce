package com.golisto.sync.tck;

import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.api.spi.SyncException;
import com.golisto.sync.api.spi.ErrorCategory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the in-memory fake connectors share: the remote's clock, a pending fault, the defects a test breaks a fake
 * with, and HMAC signing.
 */
final class FakeRemote {

    /** A deliberate defect of a fake connector; each makes one TCK check fail. */
    enum Defect {
        /** readChanged ignores its cursor and returns everything. */
        IGNORES_CURSOR,
        /** Answers every product the engine holds as unchanged, whatever its version. */
        ALWAYS_UNCHANGED,
        /** A 429's Retry-After is dropped. */
        DROPS_RETRY_AFTER,
        /** Every failed item is mapped as retryable. */
        ITEM_FAILURES_RETRYABLE,
        /** The connector's toString() shows its settings, secret included. */
        SECRET_IN_TO_STRING,
        /** Webhooks are accepted without checking the signature. */
        ACCEPTS_FORGED_WEBHOOKS,
        /** find() never finds a created order. */
        FINDS_NO_ORDER
    }

    record Fault(int status, Duration retryAfter) {
    }

    static final String WEBHOOK_SECRET = "fake-webhook-secret-0123456789abcdef";
    static final String API_SECRET = "fake-api-secret-9876543210fedcba";

    final TestClock clock = new TestClock(Instant.parse("2026-01-01T00:00:00Z"));
    final TckContext context = new TckContext(clock, clock::advance)
            .withSecret(com.golisto.sync.api.spi.StoreSecrets.WEBHOOK_SECRET, WEBHOOK_SECRET);
    final Set<Defect> defects;
    private final AtomicReference<Fault> fault = new AtomicReference<>();

    FakeRemote(Set<Defect> defects) {
        this.defects = defects.isEmpty() ? EnumSet.noneOf(Defect.class) : EnumSet.copyOf(defects);
    }

    boolean has(Defect defect) {
        return defects.contains(defect);
    }

    void failNext(int status, Duration retryAfter) {
        fault.set(new Fault(status, retryAfter));
    }

    /** Called at the start of each remote call: throws what the pending fault maps to. */
    void call() {
        Fault f = fault.getAndSet(null);
        if (f == null) {
            return;
        }
        if (f.status() == 401) {
            throw new CredentialsRejectedException("the fake remote refused the API key");
        }
        if (f.status() == 429 || f.status() >= 500) {
            Duration after = f.status() == 429 && !has(Defect.DROPS_RETRY_AFTER) && !f.retryAfter().isZero()
                    ? f.retryAfter() : null;
            throw new RetryableException("the fake remote answered " + f.status(), after, null);
        }
        throw new SyncException(ErrorCategory.EXTERNAL, "the fake remote answered " + f.status());
    }

    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
