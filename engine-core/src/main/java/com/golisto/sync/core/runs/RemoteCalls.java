package com.golisto.sync.core.runs;

import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.core.retry.RetryPolicy;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How the pipelines of one store call its connectors: every call is retried on transient failures, and
 * calls to the shop hold one of the store's shop permits while they run (not while they wait to retry),
 * so a shop never sees more than its configured number of concurrent requests from the engine.
 * Thread-safe.
 */
public final class RemoteCalls {

    private final RetryPolicy retry;
    private final Semaphore shopPermits;
    private final Supplier<@Nullable String> stopReason;

    /**
     * @param retry the retry policy
     * @param shopPermits the store's limit on concurrent shop requests
     * @param stopReason why the run must stop, or null while it may go on; asked before every attempt
     */
    public RemoteCalls(RetryPolicy retry, Semaphore shopPermits, Supplier<@Nullable String> stopReason) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.shopPermits = Objects.requireNonNull(shopPermits, "shopPermits");
        this.stopReason = Objects.requireNonNull(stopReason, "stopReason");
    }

    /** @throws RunStoppedException when the run was asked to stop */
    public void checkNotStopped() {
        String reason = stopReason.get();
        if (reason != null) {
            throw new RunStoppedException(reason);
        }
    }

    /** Calls the shop. */
    public <T extends @Nullable Object> T shop(String what, RetryPolicy.Call<T> call) throws InterruptedException {
        return retry.call(what, () -> {
            checkNotStopped();
            shopPermits.acquire();
            try {
                return call.call();
            } finally {
                shopPermits.release();
            }
        });
    }

    /**
     * Calls the marketplace.
     *
     * @throws MarketplaceRefusal when the marketplace rejected the store's credentials or approval
     */
    public <T extends @Nullable Object> T marketplace(String what, RetryPolicy.Call<T> call) throws InterruptedException {
        try {
            return retry.call(what, () -> {
                checkNotStopped();
                return call.call();
            });
        } catch (CredentialsRejectedException e) {
            throw new MarketplaceRefusal(true, "the marketplace rejected the store's credentials: " + e.getMessage(), e);
        } catch (NotApprovedException e) {
            throw new MarketplaceRefusal(false, "the marketplace says the store is not approved: " + e.getMessage(), e);
        }
    }

    /** Calls the shop without retrying: for non-idempotent writes, whose retry needs a check first. */
    public <T extends @Nullable Object> T shopOnce(RetryPolicy.Call<T> call) throws InterruptedException {
        checkNotStopped();
        shopPermits.acquire();
        try {
            return call.call();
        } finally {
            shopPermits.release();
        }
    }

    /** The retry policy, for loops that must check something between attempts. */
    public RetryPolicy retry() {
        return retry;
    }
}
