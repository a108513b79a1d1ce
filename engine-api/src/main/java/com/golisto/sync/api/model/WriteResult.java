package com.golisto.sync.api.model;

import com.golisto.sync.api.annotations.Nullable;

/**
 * The outcome of one item of a batched write.
 *
 * @param productId the shop's product id the item was about; never blank
 * @param variantId the variant, for per-variant items such as stock updates; otherwise {@code null}
 * @param outcome what happened
 * @param targetId the remote's id for the item (a listing id), {@code null} when unknown
 * @param error why it failed; non-null exactly when {@code outcome} is {@link Outcome#FAILED}
 */
public record WriteResult(
        String productId, @Nullable String variantId, Outcome outcome, @Nullable String targetId,
        @Nullable ItemError error) {

    /** What a write did. */
    public enum Outcome {
        /** A new item was created. */
        CREATED,
        /** An existing item was changed. */
        UPDATED,
        /** The remote already held this content. */
        UNCHANGED,
        /** The item was removed. */
        DELETED,
        /** The item was not written; see {@link WriteResult#error()}. */
        FAILED
    }

    /**
     * Why one item failed.
     *
     * @param code the remote's error code, never blank
     * @param message the remote's explanation, never null
     * @param retryable true when trying the same item again later may succeed
     */
    public record ItemError(String code, String message, boolean retryable) {
        public ItemError {
            Checks.text(code, "error code");
            message = Checks.orEmpty(message);
        }
    }

    public WriteResult {
        Checks.text(productId, "result product id");
        Checks.required(outcome, "result outcome");
        if ((outcome == Outcome.FAILED) != (error != null)) {
            throw new IllegalArgumentException("result for " + productId + ": an error goes with FAILED and only with it");
        }
    }

    /** A success. */
    public static WriteResult ok(String productId, Outcome outcome, @Nullable String targetId) {
        return new WriteResult(productId, null, outcome, targetId, null);
    }

    /** A failure. */
    public static WriteResult failed(String productId, @Nullable String variantId, ItemError error) {
        return new WriteResult(productId, variantId, Outcome.FAILED, null, error);
    }

    /** True unless failed. */
    public boolean succeeded() {
        return outcome != Outcome.FAILED;
    }
}
