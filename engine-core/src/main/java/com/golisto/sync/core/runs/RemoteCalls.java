package com.golisto.sync.core.runs;

import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.retry.RetryPolicy;
import com.golisto.sync.core.runtime.ShopConcurrencyLimit;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * How the pipelines of one store call its connectors: every call is retried on transient failures, and
 * calls to the shop hold a permit of the store's adaptive shop limit while they run (not while they wait to
 * retry), so a shop never sees more concurrent requests from the engine than that limit; each call tells
 * the limit how it went (a transient failure is an overload, an answer a latency).
 * Thread-safe.
 */
public final class RemoteCalls {

    private final RetryPolicy retry;
    private final ShopConcurrencyLimit shopLimit;
    private final Supplier<@Nullable String> stopReason;

    /**
     * Calls through the store's adaptive shop limit.
     *
     * @param retry the retry policy
     * @param shopLimit the store's limit on concurrent shop requests
     * @param stopReason why the run must stop, or null while it may go on; asked before every attempt
     */
    public RemoteCalls(RetryPolicy retry, ShopConcurrencyLimit shopLimit, Supplier<@Nullable String> stopReason) {
        this.retry = Objects.requireNonNull(retry, "retry");
        this.shopLimit = Objects.requireNonNull(shopLimit, "shopLimit");
        this.stopReason = Objects.requireNonNull(stopReason, "stopReason");
    }

    /**
     * Calls with a fixed shop limit of the semaphore's available permits (its permits themselves are not
     * used), for callers that need no adaptation.
     */
    public RemoteCalls(RetryPolicy retry, Semaphore fixedShopPermits, Supplier<@Nullable String> stopReason) {
        this(retry, new ShopConcurrencyLimit(Math.max(1, fixedShopPermits.availablePermits()), false,
                Clock.systemUTC()), stopReason);
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
            return limited(call);
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
        return limited(call);
    }

    private <T extends @Nullable Object> T limited(RetryPolicy.Call<T> call) throws InterruptedException {
        ShopConcurrencyLimit.Permit permit = shopLimit.acquire();
        ShopConcurrencyLimit.Outcome outcome = ShopConcurrencyLimit.Outcome.FAILED;
        try {
            T result = call.call();
            outcome = ShopConcurrencyLimit.Outcome.SUCCEEDED;
            return result;
        } catch (RetryableException e) {
            outcome = ShopConcurrencyLimit.Outcome.OVERLOADED;
            throw e;
        } finally {
            permit.release(outcome);
        }
    }

    /** The retry policy, for loops that must check something between attempts. */
    public RetryPolicy retry() {
        return retry;
    }
}
