package com.golisto.sync.core.webhooks;

import com.golisto.sync.core.store.StoreRecord;
import java.time.Instant;

/**
 * How inbound webhooks make work due without knowing the schedule (the scheduling package answers).
 * Called on the host's request thread; does no network I/O.
 */
public interface DueWorkRequests {

    /** Starts following the store unless followed already, so work made due now is not lost before the first tick. */
    void follow(StoreRecord record, Instant now);

    /** Makes the store's connection-status poll due at {@code at}. */
    void statusPollDue(String storeId, Instant at);

    /** Makes the store's order poll due at {@code at}. */
    void orderPollDue(String storeId, Instant at);
}
