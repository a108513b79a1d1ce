package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;

/**
 * Shows a running sync: a progress bar (me.tongfei.progressbar) on a terminal, plain lines otherwise
 * (one when the counts change, at most about once a second). The bar counts items read against the
 * expected total when one is known (the catalog size, or what the last full pass read).
 */
public final class RunProgress implements AutoCloseable {
    private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintWriter out;
    private final String label;
    private final @Nullable ProgressBar bar;
    private Views.@Nullable Counts last;
    private long lastLine;

    /**
     * @param out where plain lines go
     * @param label what runs, e.g. {@code full sync}
     * @param terminal whether to draw a progress bar on the console instead of plain lines
     * @param expectedTotal how many items the run will likely read; 0 or less when unknown
     */
    public RunProgress(PrintWriter out, String label, boolean terminal, long expectedTotal) {
        this.out = out;
        this.label = label;
        if (terminal) {
            out.flush();
            this.bar = new ProgressBarBuilder().setTaskName(label).setInitialMax(expectedTotal > 0 ? expectedTotal : -1)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" items", 1).showSpeed()
                    .setConsumer(new ConsoleProgressBarConsumer(System.out)).build();
        } else {
            this.bar = null;
        }
    }

    /** Shows the run as it stands. */
    public void update(Views.Run run) {
        Views.Counts c = run.counts();
        if (bar != null) {
            if (bar.getMax() > 0 && c.read() > bar.getMax()) {
                bar.maxHint(c.read());
            }
            bar.stepTo(c.read());
            bar.setExtraMessage(" created " + c.created() + ", updated " + c.updated());
            return;
        }
        long now = System.nanoTime();
        if (!c.equals(last) && (last == null || now - lastLine >= PLAIN_INTERVAL_NANOS)) {
            out.println("  " + label + ": " + Text.counts(c));
            out.flush();
            last = c;
            lastLine = now;
        }
    }

    /**
     * Follows a run until it finishes.
     *
     * @return the finished run
     */
    static Views.Run follow(Operations ops, long runId, PrintWriter out, String label, boolean terminal,
                            long expectedTotal) throws InterruptedException {
        try (RunProgress progress = new RunProgress(out, label, terminal, expectedTotal)) {
            while (true) {
                Views.Run run = ops.awaitRun(runId, Duration.ofMillis(500));
                progress.update(run);
                if (!run.status().equals("running")) {
                    return run;
                }
            }
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
