package com.golisto.sync.core.runs;

/**
 * Where a pipeline puts an item it gives up on: a dead letter (kept with reason and payload, replayable),
 * a failed count on the run, and an event for the host.
 */
@FunctionalInterface
public interface Failures {

    /** Dead letter kind of a shop product the marketplace refused. */
    String PRODUCT = "PRODUCT";
    /** Dead letter kind of a marketplace sale the shop refused. */
    String ORDER = "ORDER";

    /**
     * Records an item given up on.
     *
     * @param kind {@link #PRODUCT} or {@link #ORDER}
     * @param itemId the item's id at its source
     * @param reason why, for people; no secrets
     * @param payload the item as JSON, for inspection
     */
    void giveUp(String kind, String itemId, String reason, String payload);
}
