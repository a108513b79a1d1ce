package com.golisto.sync.core.scheduling;

import com.golisto.sync.core.connection.ConnectionListener;
import com.golisto.sync.core.store.StoreRecord;
import com.golisto.sync.core.work.Pipelines;
import com.golisto.sync.core.work.RunRequests;
import java.time.Clock;
import java.time.Instant;

/**
 * What a store's connection changes mean for its work: a registered store is followed by the schedule,
 * an approved one has its interval work count from now and gets its first full pass (from the first page,
 * with no failures counted: a failed one is retried by {@link PassRetries}), a stopped one loses
 * its dirty products, and a status poll the host asked for counts as the store's scheduled one.
 * Thread-safe.
 */
public final class ConnectionReactions implements ConnectionListener {

    private final StoreTasks tasks;
    private final DueWork dueWork;
    private final RunRequests runRequests;
    private final Clock clock;
    private final PassRetries passRetries;
    private final Pipelines pipelines;

    /** Acts on the schedule, the due work and the dirty products, and starts runs through {@code runRequests}. */
    public ConnectionReactions(StoreTasks tasks, DueWork dueWork, RunRequests runRequests,
            Clock clock, PassRetries passRetries, Pipelines pipelines) {
        this.tasks = tasks;
        this.dueWork = dueWork;
        this.runRequests = runRequests;
        this.clock = clock;
        this.passRetries = passRetries;
        this.pipelines = pipelines;
    }

    @Override
    public void registered(StoreRecord record) {
        dueWork.follow(record, clock.instant());
    }

    @Override
    public void approved(String storeId) {
        Instant now = clock.instant();
        tasks.follow(storeId, now, now);
        tasks.ran(storeId, Schedule.Work.FULL_SYNC, now);
        tasks.ran(storeId, Schedule.Work.INCREMENTAL_SYNC, now);
        tasks.ran(storeId, Schedule.Work.ORDER_POLL, now);
        passRetries.reset(storeId);
        pipelines.forgetFullPassCheckpoint(storeId);
        runRequests.startFullPass(storeId);
    }

    @Override
    public void stopped(String storeId) {
        dueWork.forgetWebhooks(storeId);
    }

    @Override
    public void statusPolled(String storeId) {
        tasks.ran(storeId, Schedule.Work.STATUS_POLL, clock.instant());
    }
}
