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
     * <p>The engine branches on {@link #kind()}, never on {@link #code()}: a connector maps its remote's codes
     * to a kind, and keeps the remote's code and message for people (dead letters, logs).
     *
     * @param code the remote's error code, never blank
     * @param message the remote's explanation, never null
     * @param kind what the failure means for the engine
     */
    public record ItemError(String code, String message, Kind kind) {

        /** What an item's failure means for the engine. */
        public enum Kind {
            /**
             * The remote has no such item (e.g. deleting or updating the stock of a listing that does not
             * exist). Deleting an item that is not found counts as done; anything else retries it after the
             * item is written again.
             */
            NOT_FOUND,
            /** Trying the same item again later may succeed (the remote was busy, locked, rate-limited). */
            RETRYABLE,
            /** The remote refused the item as it is (invalid data); retrying it unchanged fails again. */
            REJECTED
        }

        public ItemError {
            Checks.text(code, "error code");
            message = Checks.orEmpty(message);
            Checks.required(kind, "error kind");
        }

        /** The remote has no such item. */
        public static ItemError notFound(String code, String message) {
            return new ItemError(code, message, Kind.NOT_FOUND);
        }

        /** A failure that trying again later may cure. */
        public static ItemError retryable(String code, String message) {
            return new ItemError(code, message, Kind.RETRYABLE);
        }

        /** A refusal of the item as it is. */
        public static ItemError rejected(String code, String message) {
            return new ItemError(code, message, Kind.REJECTED);
        }

        /** Whether trying the same item again later may succeed ({@link Kind#RETRYABLE}). */
        public boolean retryable() {
            return kind == Kind.RETRYABLE;
        }

        /** Whether the remote has no such item ({@link Kind#NOT_FOUND}). */
        public boolean notFound() {
            return kind == Kind.NOT_FOUND;
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
