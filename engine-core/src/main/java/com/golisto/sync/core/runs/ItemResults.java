package com.golisto.sync.core.runs;

import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.RetryableException;
import java.util.List;
import java.util.Objects;

/**
 * Reading the per-item results a marketplace returns for a batch write: "no such listing", a result for
 * an item the answer left out, a readable reason, and turning a retryable item failure into an exception so
 * the retry policy retries the item alone.
 */
public final class ItemResults {

    private ItemResults() {}

    /** Whether the result says the marketplace has no such listing ({@link WriteResult.ItemError.Kind#NOT_FOUND}). */
    public static boolean notFound(WriteResult result) {
        WriteResult.ItemError error = result.error();
        return error != null && error.notFound();
    }

    /**
     * The error of a failed result: the model pairs one with {@link WriteResult.Outcome#FAILED}, and only
     * with it.
     *
     * @throws NullPointerException if the result did not fail
     */
    public static WriteResult.ItemError error(WriteResult failed) {
        return Objects.requireNonNull(failed.error(), () -> "the result for " + failed.productId() + " did not fail");
    }

    /** A retryable failure for an item the marketplace's answer did not mention. */
    public static WriteResult missing(String productId) {
        return WriteResult.failed(productId, null,
                WriteResult.ItemError.retryable("no_result", "the marketplace returned no result for it"));
    }

    /** The result for one product in an answer, or {@link #missing} when it has none. */
    public static WriteResult single(List<WriteResult> results, String productId) {
        return results.stream().filter(r -> r.productId().equals(productId)).findFirst()
                .orElseGet(() -> missing(productId));
    }

    /**
     * Returns the result unless it is a retryable item failure (other than "not found").
     *
     * @throws ItemStillFailing for a retryable item failure, so the retry policy retries the item alone
     */
    public static WriteResult itemOutcome(WriteResult result) {
        if (!result.succeeded() && error(result).retryable() && !notFound(result)) {
            throw new ItemStillFailing(describe(result));
        }
        return result;
    }

    /** The failure's code and message, for a dead letter's reason. */
    public static String describe(WriteResult result) {
        WriteResult.ItemError error = error(result);
        return error.code() + ": " + error.message();
    }

    /** A retryable failure of one item (not of the call): exhausting its retries dead-letters the item. */
    public static final class ItemStillFailing extends RetryableException {
        private static final long serialVersionUID = 1L;

        ItemStillFailing(String message) {
            super(message, null);
        }
    }
}
