package com.golisto.sync.app.wiring;

import com.golisto.sync.app.http.LogContext;
import com.golisto.sync.app.metrics.RunnerMetrics;
import com.golisto.sync.core.EngineEvent;
import com.golisto.sync.core.EngineListener;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Turns engine events into one structured log line each (with the store id in the MDC) and into
 * metrics: run durations and items by outcome. Also tracks the runs in progress. Thread-safe.
 */
final class EventLog implements EngineListener {
    private static final Logger LOG = LoggerFactory.getLogger("com.golisto.sync.app.events");

    private final RunnerMetrics metrics;
    private final Set<RunId> active = ConcurrentHashMap.newKeySet();

    EventLog(RunnerMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Runs started and not yet finished. */
    int activeRuns() {
        return active.size();
    }

    @Override
    public void onEvent(EngineEvent event) {
        String previous = MDC.get(LogContext.STORE);
        LogContext.store(event.storeId());
        try {
            switch (event) {
                case EngineEvent.RunStarted s -> {
                    active.add(s.runId());
                    LOG.debug("event=run_started run={} kind={}", s.runId(), lower(s.kind()));
                }
                case EngineEvent.RunFinished f -> {
                    RunView r = f.run();
                    active.remove(r.id());
                    RunCounts c = r.counts();
                    Duration took = r.finishedAt() == null ? Duration.ZERO : Duration.between(r.startedAt(), r.finishedAt());
                    boolean routine = (r.kind() == RunKind.STATUS || r.kind() == RunKind.ORDERS) && c.read() == 0
                            && c.written() == 0 && c.failed() == 0;
                    if (r.error() == null && routine) {
                        // a poll that found nothing: every minute per store, not worth a line at INFO
                        LOG.debug("event=run_finished run={} kind={} status={} millis={} requests={}", r.id(),
                                lower(r.kind()), lower(r.status()), took.toMillis(), c.requests());
                    } else if (r.error() == null) {
                        LOG.info("event=run_finished run={} kind={} status={} millis={} read={} created={} updated={}"
                                        + " deleted={} unchanged={} skipped={} failed={} requests={}", r.id(),
                                lower(r.kind()), lower(r.status()), took.toMillis(), c.read(), c.created(), c.updated(),
                                c.deleted(), c.unchanged(), c.skipped(), c.failed(), c.requests());
                    } else {
                        LOG.warn("event=run_finished run={} kind={} status={} millis={} read={} created={} updated={}"
                                        + " deleted={} unchanged={} failed={} requests={} error=\"{}\"", r.id(),
                                lower(r.kind()), lower(r.status()), took.toMillis(), c.read(), c.created(), c.updated(),
                                c.deleted(), c.unchanged(), c.failed(), c.requests(), oneLine(r.error()));
                    }
                    metrics.runFinished(r.kind().name(), r.status().name(), took, Map.of(
                            "created", c.created(), "updated", c.updated(), "deleted", c.deleted(),
                            "unchanged", c.unchanged(), "skipped", c.skipped(), "failed", c.failed()));
                }
                case EngineEvent.ItemFailed i -> LOG.warn("event=item_failed run={} item_kind={} item={} dead_letter={}"
                        + " reason=\"{}\"", i.runId(), i.itemKind(), i.itemId(), i.deadLetterId(), oneLine(i.reason()));
                case EngineEvent.StatusChanged s -> LOG.info("event=status_changed from={} to={} reason=\"{}\"",
                        lower(s.from()), lower(s.to()), s.reason() == null ? "" : oneLine(s.reason()));
            }
        } finally {
            if (previous == null) {
                MDC.remove(LogContext.STORE);
            } else {
                MDC.put(LogContext.STORE, previous);
            }
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ').replace("\"", "'");
    }
}
