package com.golisto.sync.core.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import com.golisto.sync.core.EngineOptions;
import com.golisto.sync.core.runtime.StoreMdc;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each store's periodic work as cluster tasks: one db-scheduler task instance per store and {@link Schedule.Work}
 * (instance id = store id) in the shared database's {@code scheduled_tasks} table, its execution time the slot the
 * {@link Schedule} computes. Any node sharing the database may pick a due instance, and exactly one does (a
 * conditional UPDATE); while it runs, the node writes heartbeats on it, and an instance whose heartbeats stop (its
 * node died) is given back by db-scheduler's dead-execution detection and picked by another node. After a run the
 * instance moves to its next slot, or sooner when the store was busy or a retry was asked for while it ran.
 *
 * <p>Two drivers over the same table: {@link #start()} runs db-scheduler in the background ({@code storeParallelism}
 * threads for catalog passes plus {@link #POLL_THREADS} that only polls can have, so a long pass never delays
 * another store's order poll), and {@link #runDue()} picks and runs what is due in the caller's thread
 * (db-scheduler's manual scheduler: same picking, no background threads; what tests and
 * {@code SyncEngine.runDueWork()} use). Thread-safe.
 */
public final class StoreTasks implements AutoCloseable {

    /** Threads only order and status polls get, besides the catalog passes' {@code storeParallelism}. */
    static final int POLL_THREADS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(StoreTasks.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    /** What became of a task's run. */
    public enum Outcome {
        /** It ran, or the store's status gives it nothing to do: due again at its next slot. */
        RAN,
        /** The store was busy (its pipeline here, or another node holds its lease): due again soon. */
        BUSY,
        /** The store is gone: its task is removed. */
        GONE
    }

    /** Runs one kind of a store's work when its task is due. */
    public interface Runner {
        /** Runs it; failures are the runner's to log and record (an exception is logged here and the task moves on). */
        Outcome run(String storeId, Schedule.Work work) throws InterruptedException;
    }

    /** A slot asked for while the task ran here: applied when the run completes. */
    private record Move(Instant at, boolean earlierOnly) {}

    private final DataSource dataSource;
    private final Schedule schedule;
    private final Clock clock;
    private final String nodeId;
    private final EngineOptions options;
    private final Map<Schedule.Work, CustomTask<Void>> tasks = new EnumMap<>(Schedule.Work.class);
    private final ManualScheduler onDemand;
    private final Set<String> followed = ConcurrentHashMap.newKeySet();
    /** The catalog passes this node runs at once: the threads beyond them stay free for polls. */
    private final Semaphore catalogSlots;
    private final Map<String, Optional<Move>> runningHere = new ConcurrentHashMap<>();
    private @Nullable Runner runner;
    private @Nullable Scheduler background;
    private boolean closed;

    /**
     * @param options the intervals, {@code storeParallelism}, {@code tickInterval} (how often the background driver
     *     looks for due tasks), {@code leaseDuration} (a busy store's task is due again after a third of it) and the
     *     cluster heartbeats
     * @param nodeId this node's name on the tasks it picks
     */
    public StoreTasks(DataSource dataSource, Schedule schedule, Clock clock, String nodeId, EngineOptions options) {
        this.dataSource = dataSource;
        this.schedule = schedule;
        this.clock = clock;
        this.nodeId = nodeId;
        this.options = options;
        this.catalogSlots = new Semaphore(options.storeParallelism());
        for (Schedule.Work work : Schedule.Work.values()) {
            tasks.put(work, Tasks.custom(taskName(work), Void.class)
                    .defaultPriority(priority(work))
                    .onDeadExecution(this::revive)
                    .execute((instance, context) -> execute(work, instance, context)));
        }
        this.onDemand = (ManualScheduler) TestHelper.createManualScheduler(dataSource, taskList())
                .clock(new SchedulerClocks.Engine(clock))
                .enablePriority()
                .heartbeatInterval(options.cluster().heartbeatInterval())
                .threads(1000)
                .build();
    }

    /** Sets what runs the tasks (once, before any task is due). */
    public synchronized void runWith(Runner taskRunner) {
        this.runner = taskRunner;
    }

    /**
     * Makes sure the store has its tasks (no-op when this node saw it already, or another node created them): each
     * at its {@link Schedule#first first slot}.
     *
     * @param lastCompleteFullPass when its last complete full pass finished, null when never
     */
    public void follow(String storeId, @Nullable Instant lastCompleteFullPass, Instant now) {
        if (followed.contains(storeId)) {
            return;
        }
        for (Schedule.Work work : Schedule.Work.values()) {
            Instant first = schedule.first(storeId, work, lastCompleteFullPass, now);
            if (!onDemand.scheduleIfNotExists(task(work).instance(storeId), first)) {
                align(storeId, work, first, now);
            }
        }
        followed.add(storeId);
    }

    /**
     * A task that existed already keeps its slot unless this node's schedule says otherwise (the settings changed
     * since it was set): the daily pass moves to the slot after the last complete one (a store whose latest pass
     * failed is made due at once by its caller, {@code DueWork.follow}), interval work no later than one interval from
     * now. A task running on some node is left alone.
     */
    private void align(String storeId, Schedule.Work work, Instant first, Instant now) {
        TaskInstanceId id = TaskInstanceId.of(taskName(work), storeId);
        Optional<ScheduledExecution<Object>> current = onDemand.getScheduledExecution(id);
        if (current.isEmpty() || current.get().isPicked()) {
            return;
        }
        Instant at = current.get().getExecutionTime();
        boolean stale = work == Schedule.Work.FULL_SYNC ? at.isAfter(now) && !at.equals(first)
                : at.isAfter(schedule.following(storeId, work, now));
        if (stale) {
            move(storeId, work, work == Schedule.Work.FULL_SYNC ? first : schedule.following(storeId, work, now), false);
        }
    }

    /** Whether this node has made sure of the store's tasks. */
    public boolean follows(String storeId) {
        return followed.contains(storeId);
    }

    /** Records that work ran at {@code at} outside its task (approval, a host's request): its next slot follows from there. */
    public void ran(String storeId, Schedule.Work work, Instant at) {
        move(storeId, work, schedule.following(storeId, work, at), false);
    }

    /** Makes work due at {@code at} unless it is due sooner already (a retry, a webhook's order poll). */
    public void retryAt(String storeId, Schedule.Work work, Instant at) {
        move(storeId, work, at, true);
    }

    /** When the work of a store is next due; empty when it has no task. */
    public Optional<Instant> nextSlot(String storeId, Schedule.Work work) {
        return onDemand.getScheduledExecution(TaskInstanceId.of(taskName(work), storeId))
                .map(ScheduledExecution::getExecutionTime);
    }

    /**
     * Picks and runs, in the caller's thread, every task due at the clock's instant, after giving back the tasks of
     * dead nodes (picked, heartbeat six heartbeat intervals old).
     */
    public void runDue() {
        onDemand.runDeadExecutionDetection();
        onDemand.runAnyDueExecutions();
    }

    /** Starts the background driver; no-op when it runs already or this was closed. */
    public synchronized void start() {
        if (background != null || closed) {
            return;
        }
        EngineOptions.Cluster cluster = options.cluster();
        releaseTasksOfPreviousProcess();
        background = Scheduler.create(dataSource, taskList())
                .schedulerName(new SchedulerName.Fixed(nodeId))
                .clock(new SchedulerClocks.Flowing(clock))
                .threads(options.storeParallelism() + POLL_THREADS)
                .pollingInterval(options.tickInterval())
                .heartbeatInterval(cluster.heartbeatInterval())
                .missedHeartbeatsLimit(cluster.missedHeartbeats())
                .enablePriority()
                .shutdownMaxWait(STOP_WAIT)
                .build();
        background.start();
        LOG.info("cluster tasks started on node {} (heartbeat {}, a silent node's tasks are taken over after {})",
                nodeId, cluster.heartbeatInterval(), cluster.silenceBeforeTakeOver());
    }

    /**
     * Gives back, due at once, the tasks a previous process of this node left picked (it was killed): without this they
     * would wait for the dead-task check like a dead node's, though this node is back. Node ids are distinct per
     * runner, so no live node's task is touched.
     */
    private void releaseTasksOfPreviousProcess() {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(
                "UPDATE scheduled_tasks SET picked = ?, picked_by = NULL, last_heartbeat = NULL, version = version + 1"
                        + " WHERE picked = ? AND picked_by = ?")) {
            update.setBoolean(1, false);
            update.setBoolean(2, true);
            update.setString(3, nodeId);
            int released = update.executeUpdate();
            if (!c.getAutoCommit()) {
                c.commit();
            }
            if (released > 0) {
                LOG.info("node {}: {} store tasks its previous process left running are due again", nodeId, released);
            }
        } catch (SQLException e) {
            LOG.warn("node {}: cannot release the store tasks of its previous process (they wait for the dead-task"
                    + " check): {}", nodeId, e.getMessage());
        }
    }

    /** Stops the background driver, waiting up to a minute for running tasks. Idempotent. */
    @Override
    public void close() {
        Scheduler running;
        synchronized (this) {
            closed = true;
            running = background;
            background = null;
        }
        if (running != null) {
            running.stop();
        }
    }

    private CompletionHandler<Void> execute(Schedule.Work work, TaskInstance<Void> instance, ExecutionContext context) {
        String storeId = instance.getId();
        String key = key(storeId, work);
        Instant slot = context.getExecution().executionTime;
        // the next slot counts from when this run began: what it covered (orders up to then) is what a slot stands for
        Instant started = clock.instant();
        runningHere.put(key, Optional.empty());
        Outcome outcome = Outcome.RAN;
        StoreMdc mdc = StoreMdc.of(storeId);
        boolean catalog = work == Schedule.Work.FULL_SYNC || work == Schedule.Work.INCREMENTAL_SYNC;
        try {
            if (catalog && !catalogSlots.tryAcquire()) {
                outcome = Outcome.BUSY; // as many passes as storeParallelism run here: another node, or later
            } else {
                try {
                    outcome = runner().run(storeId, work);
                } finally {
                    if (catalog) {
                        catalogSlots.release();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("store {}: {} failed: {}", storeId, work, e.toString());
        } finally {
            mdc.close();
        }
        Optional<Move> asked = runningHere.remove(key);
        if (outcome == Outcome.GONE) {
            followed.remove(storeId);
            return (complete, operations) -> operations.remove();
        }
        Instant now = clock.instant();
        Instant next = outcome == Outcome.BUSY ? busyRetry(storeId, work, now)
                : schedule.afterRun(storeId, work, slot, started);
        if (asked != null && asked.isPresent()) {
            Move move = asked.get();
            next = move.earlierOnly() && next.isBefore(move.at()) ? next : move.at();
        }
        Instant at = next;
        return (complete, operations) -> operations.reschedule(complete, at);
    }

    /** When work that found its store busy is due again: a third of the lease on, or its interval when shorter. */
    private Instant busyRetry(String storeId, Schedule.Work work, Instant now) {
        Instant third = now.plus(options.leaseDuration().dividedBy(3));
        Instant interval = schedule.following(storeId, work, now);
        return interval.isBefore(third) ? interval : third;
    }

    /** A task whose node stopped writing heartbeats (it died): due again now (the engine's clock), for any node. */
    private void revive(ExecutionComplete dead, ExecutionOperations<Void> operations) {
        Execution execution = dead.getExecution();
        LOG.info("store {}: {} was running on node {}, which stopped answering; due again now",
                execution.taskInstance.getId(), execution.taskInstance.getTaskName(), execution.pickedBy);
        operations.reschedule(dead, clock.instant());
    }

    private void move(String storeId, Schedule.Work work, Instant at, boolean earlierOnly) {
        String key = key(storeId, work);
        Move move = new Move(at, earlierOnly);
        if (runningHere.computeIfPresent(key, (k, asked) -> Optional.of(merged(asked, move))) != null) {
            return; // applied when the run completes
        }
        TaskInstanceId id = TaskInstanceId.of(taskName(work), storeId);
        try {
            Optional<ScheduledExecution<Object>> current = onDemand.getScheduledExecution(id);
            if (current.isEmpty()) {
                onDemand.scheduleIfNotExists(task(work).instance(storeId), at);
            } else if (current.get().isPicked()) {
                LOG.debug("store {}: {} is running on node {}; its next slot follows from that run", storeId, work,
                        current.get().getPickedBy());
            } else if (!earlierOnly || current.get().getExecutionTime().isAfter(at)) {
                onDemand.reschedule(id, at);
            }
        } catch (RuntimeException e) {
            // picked by a node between the read and the write: that run moves the slot itself
            LOG.debug("store {}: could not move {} to {}: {}", storeId, work, at, e.toString());
        }
    }

    private static Move merged(Optional<Move> asked, Move move) {
        if (asked.isEmpty() || !move.earlierOnly()) {
            return move;
        }
        Move before = asked.get();
        return before.at().isBefore(move.at()) ? before : new Move(move.at(), before.earlierOnly());
    }

    private synchronized Runner runner() {
        if (runner == null) {
            throw new IllegalStateException("no runner set for the store tasks");
        }
        return runner;
    }

    private CustomTask<Void> task(Schedule.Work work) {
        return Objects.requireNonNull(tasks.get(work), "task");
    }

    private List<Task<?>> taskList() {
        return new ArrayList<>(tasks.values());
    }

    /** The task's name in {@code scheduled_tasks}. */
    static String taskName(Schedule.Work work) {
        return "golisto-sync." + work.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Polls first (short, and what keeps orders flowing), then the daily pass, then incremental passes. */
    private static int priority(Schedule.Work work) {
        return switch (work) {
            case STATUS_POLL -> 90;
            case ORDER_POLL -> 80;
            case FULL_SYNC -> 50;
            case INCREMENTAL_SYNC -> 40;
        };
    }

    private static String key(String storeId, Schedule.Work work) {
        return work + "\u0000" + storeId;
    }
}
