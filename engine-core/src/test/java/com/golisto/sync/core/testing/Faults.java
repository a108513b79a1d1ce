package com.golisto.sync.core.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Fault injection and call counting for the operations of one fake remote. The fake calls
 * {@link #enter} as an operation starts (before it has any effect) and {@link #leave} once it took effect
 * (before it answers). A test queues what the next calls do there: throw an SPI exception before the
 * effect ({@link #failNext}), throw after it, as a lost answer ({@link #failNextAfter}), die as a killed
 * process would ({@link #crashNext}, {@link #crashNextAfter}), or wait until released ({@link #hold}).
 * Thread-safe.
 *
 * @param <O> the fake's operations
 */
public final class Faults<O extends Enum<O>> {

    /** What a killed process looks like to the code that was running: an error nothing handles. */
    public static final class SimulatedCrash extends Error {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(String where) {
            super("simulated crash " + where);
        }
    }

    /** A call held at the start of an operation until the test releases it. */
    public static final class Gate {
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** Waits until a call reached the gate; false when none did within the timeout. */
        public boolean awaitEntered(long seconds) throws InterruptedException {
            return entered.await(seconds, TimeUnit.SECONDS);
        }

        /** Lets the held call go on. */
        public void release() {
            released.countDown();
        }

        void pass() throws InterruptedException {
            entered.countDown();
            released.await();
        }
    }

    @FunctionalInterface
    private interface Action {
        void run() throws InterruptedException;
    }

    private final java.util.concurrent.Semaphore crashes = new java.util.concurrent.Semaphore(0);
    private final Map<O, Long> calls;
    private final Map<O, Deque<Action>> before;
    private final Map<O, Deque<Action>> after;

    /** Faults for the operations of this enum. */
    public Faults(Class<O> operations) {
        this.calls = new EnumMap<>(operations);
        this.before = new EnumMap<>(operations);
        this.after = new EnumMap<>(operations);
    }

    /** The next {@code times} calls of {@code op} throw before they have any effect. */
    public synchronized void failNext(O op, int times, Supplier<? extends RuntimeException> failure) {
        for (int i = 0; i < times; i++) {
            before.computeIfAbsent(op, o -> new ArrayDeque<>()).add(() -> {
                throw failure.get();
            });
        }
    }

    /** The next {@code times} calls of {@code op} take effect, then throw: the answer is lost. */
    public synchronized void failNextAfter(O op, int times, Supplier<? extends RuntimeException> failure) {
        for (int i = 0; i < times; i++) {
            after.computeIfAbsent(op, o -> new ArrayDeque<>()).add(() -> {
                throw failure.get();
            });
        }
    }

    /** The next call of {@code op} dies before it has any effect. */
    public synchronized void crashNext(O op) {
        before.computeIfAbsent(op, o -> new ArrayDeque<>()).add(() -> {
            crashes.release();
            throw new SimulatedCrash("before " + op);
        });
    }

    /** The next call of {@code op} takes effect, then dies before it answers. */
    public synchronized void crashNextAfter(O op) {
        after.computeIfAbsent(op, o -> new ArrayDeque<>()).add(() -> {
            crashes.release();
            throw new SimulatedCrash("after " + op);
        });
    }

    /** Waits until a queued crash happened (on whichever thread); false when none did within the timeout. */
    public boolean awaitCrash(long seconds) throws InterruptedException {
        return crashes.tryAcquire(seconds, TimeUnit.SECONDS);
    }

    /** The next {@code times} calls of {@code op} go through untouched: a fault queued after them meets the next. */
    public synchronized void passNext(O op, int times) {
        for (int i = 0; i < times; i++) {
            before.computeIfAbsent(op, o -> new ArrayDeque<>()).add(() -> { });
        }
    }

    /** The next call of {@code op} waits at its start until the returned gate is released. */
    public synchronized Gate hold(O op) {
        Gate gate = new Gate();
        before.computeIfAbsent(op, o -> new ArrayDeque<>()).add(gate::pass);
        return gate;
    }

    /** The next call of {@code op} waits at its start until released, then throws before any effect. */
    public synchronized Gate holdThenFail(O op, Supplier<? extends RuntimeException> failure) {
        Gate gate = new Gate();
        before.computeIfAbsent(op, o -> new ArrayDeque<>()).add(() -> {
            gate.pass();
            throw failure.get();
        });
        return gate;
    }

    /** How many calls of {@code op} started. */
    public synchronized long calls(O op) {
        return calls.getOrDefault(op, 0L);
    }

    /** How many calls started, all operations together. */
    public synchronized long totalCalls() {
        return calls.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Counts a call and runs what was queued for its start. */
    void enter(O op) throws InterruptedException {
        Action action;
        synchronized (this) {
            calls.merge(op, 1L, Long::sum);
            action = poll(before, op);
        }
        if (action != null) {
            action.run();
        }
    }

    /** Like {@link #enter}, for operations that declare no {@link InterruptedException}. */
    void enterUninterruptibly(O op) {
        try {
            enter(op);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at " + op, e);
        }
    }

    /** Runs what was queued for the end of a call that took effect. */
    void leave(O op) throws InterruptedException {
        Action action;
        synchronized (this) {
            action = poll(after, op);
        }
        if (action != null) {
            action.run();
        }
    }

    private Action poll(Map<O, Deque<Action>> queues, O op) {
        Deque<Action> queue = queues.get(op);
        return queue == null ? null : queue.poll();
    }
}
