package com.golisto.sync.app.demo;

/**
 * One run of the demo, as a {@link DemoProvider} started it: the emulators and a runner on loopback. The
 * {@code demo} command calls {@link #run()}, then possibly {@link #printGeneratedToken()} and
 * {@link #printUrls()}, then {@link #close()}; one thread drives it.
 */
public interface Demo extends AutoCloseable {

    /**
     * Tells the whole story, step by step, checking each step against the emulators before telling it.
     *
     * @return what it achieved
     * @throws IllegalStateException when a step does not happen in time (the message says which)
     * @throws InterruptedException when interrupted while waiting for a step
     */
    DemoSummary run() throws InterruptedException;

    /** Prints where the dashboard, the admin API and the emulators are, for {@code --keep-running}. */
    void printUrls();

    /** Prints the admin token when this demo generated it (the only time it is shown). */
    void printGeneratedToken();

    /** Stops the runner and the emulators; idempotent, never throws. */
    @Override
    void close();
}
