package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import java.io.PrintWriter;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a running sync: a progress bar (me.tongfei.progressbar) on a terminal, plain lines otherwise
 * (one when the counts change, at most about once a second). The total is unknown up front, so the bar
 * counts products read.
 */
public final class RunProgress implements AutoCloseable {
    private static final long PLAIN_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();

    private final PrintWriter out;
    private final String label;
    private final ProgressBar bar;
    private Views.Counts last;
    private long lastLine;

    /**
     * @param out where plain lines go
     * @param label what runs, e.g. {@code full sync}
     * @param terminal whether to draw a progress bar (on standard error) instead of plain lines
     */
    public RunProgress(PrintWriter out, String label, boolean terminal) {
        this.out = out;
        this.label = label;
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(label).setInitialMax(-1)
                .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUnit(" items", 1).showSpeed().build() : null;
    }

    /** Shows the run as it stands. */
    public void update(Views.Run run) {
        Views.Counts c = run.counts();
        if (bar != null) {
            bar.stepTo(c.read());
            bar.setExtraMessage(" created " + c.created() + ", updated " + c.updated() + ", deleted " + c.deleted());
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
    static Views.Run follow(Operations ops, long runId, PrintWriter out, String label, boolean terminal)
            throws InterruptedException {
        try (RunProgress progress = new RunProgress(out, label, terminal)) {
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
