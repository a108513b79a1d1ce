package com.golisto.sync.app.admin;

import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.DryRunReport;
import com.golisto.sync.core.PollCounts;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreSettingsView;
import com.golisto.sync.core.StoreView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The admin API's answer shapes (snake_case in JSON), also what the CLI prints and reads back from a
 * running runner. None carries a secret.
 */
public final class Views {
    private Views() {
    }

    /** The JSON shape of Store. */
    public record Store(String id, String shopConnector, String marketplaceConnector, String status, @Nullable String accountId,
                 @Nullable String statusReason, boolean shopCredentialsPresent, Instant updatedAt) {
        public static Store of(StoreView v) {
            return new Store(v.id(), v.shopConnectorId(), v.marketplaceConnectorId(), lower(v.status()), v.accountId(),
                    v.statusReason(), v.shopCredentialsPresent(), v.updatedAt());
        }
    }

    /**
     * The JSON shape of StoreDetail. {@code orderPolls} counts the scheduled order polls that found nothing
     * (they are not among {@code lastRuns}) and says when the last successful poll finished.
     */
    public record StoreDetail(String id, String shopConnector, String marketplaceConnector, String status, @Nullable String accountId,
                       @Nullable String statusReason, boolean shopCredentialsPresent, Instant updatedAt, Counts counts,
                       List<Run> lastRuns, int deadLetterCount, List<DeadLetter> deadLetters, OrderPolls orderPolls) {
        public static StoreDetail of(StoreView v, List<RunView> runs, List<DeadLetterView> letters) {
            RunCounts latest = runs.stream()
                    .filter(r -> r.finished() && (r.kind() == com.golisto.sync.core.RunKind.FULL
                            || r.kind() == com.golisto.sync.core.RunKind.INCREMENTAL))
                    .findFirst().map(RunView::counts).orElse(RunCounts.zero());
            return new StoreDetail(v.id(), v.shopConnectorId(), v.marketplaceConnectorId(), lower(v.status()),
                    v.accountId(), v.statusReason(), v.shopCredentialsPresent(), v.updatedAt(), Counts.of(latest),
                    runs.stream().map(Run::of).toList(), letters.size(),
                    letters.stream().map(DeadLetter::of).toList(), OrderPolls.of(v.orderPolls()));
        }
    }

    /** The JSON shape of OrderPolls: empty scheduled polls counted, not listed as runs. */
    public record OrderPolls(long empty, @Nullable Instant lastEmptyAt, @Nullable Instant lastPolledAt) {
        public static OrderPolls of(PollCounts p) {
            return new OrderPolls(p.empty(), p.lastEmptyAt(), p.lastPolledAt());
        }
    }

    /** The JSON shape of Stores: one page, and the cursor of the next ({@code null} on the last page). */
    public record Stores(List<Store> stores, @Nullable String nextCursor) {
    }

    /** The JSON shape of Counts: {@code skipped} (not listable) apart from {@code unchanged}, its reasons totalled. */
    public record Counts(long read, long created, long updated, long deleted, long unchanged, long failed, long requests,
            long skipped, Map<String, Long> skippedReasons) {
        public static Counts of(RunCounts c) {
            return new Counts(c.read(), c.created(), c.updated(), c.deleted(), c.unchanged(), c.failed(), c.requests(),
                    c.skipped(), c.skippedReasons());
        }
    }

    /** The JSON shape of Run. */
    public record Run(long id, String storeId, String kind, String status, Instant startedAt, @Nullable Instant finishedAt,
               Counts counts, @Nullable String error) {
        public static Run of(RunView r) {
            return new Run(r.id().value(), r.storeId(), lower(r.kind()), lower(r.status()), r.startedAt(),
                    r.finishedAt(), Counts.of(r.counts()), r.error());
        }
    }

    /** The JSON shape of RunStarted. */
    public record RunStarted(long runId) {
    }

    /** The JSON shape of ConnectLink. */
    public record ConnectLink(String connectUrl, String step) {
    }

    /** The JSON shape of DeadLetter. */
    public record DeadLetter(long id, String storeId, String kind, String itemId, String reason, Instant createdAt,
                      int attempts, @Nullable Instant replayedAt, String payload) {
        public static DeadLetter of(DeadLetterView d) {
            return new DeadLetter(d.id(), d.storeId(), d.kind(), d.itemId(), d.reason(), d.createdAt(), d.attempts(),
                    d.replayedAt(), d.payload());
        }
    }

    /** The JSON shape of DeadLetters: one page, and the cursor of the next ({@code null} on the last page). */
    public record DeadLetters(List<DeadLetter> deadLetters, @Nullable String nextCursor) {
    }

    /** The JSON shape of Replays: the CLI's replays of dead letters, one run each. */
    public record Replays(List<Run> runs) {
    }

    /** The JSON shape of Runs: one page of a store's runs, newest first, and the cursor of the next. */
    public record Runs(List<Run> runs, @Nullable String nextCursor) {
    }

    /** The JSON shape of StoreSettings: both connectors' settings, secrets masked. */
    public record StoreSettings(String storeId, SettingsSide shop, SettingsSide marketplace) {
        public static StoreSettings of(StoreSettingsView v) {
            return new StoreSettings(v.storeId(), new SettingsSide(v.shopConnectorId(), settings(v.shop())),
                    new SettingsSide(v.marketplaceConnectorId(), settings(v.marketplace())));
        }

        private static List<Setting> settings(List<StoreSettingsView.Setting> settings) {
            return settings.stream().map(Setting::of).toList();
        }
    }

    /** The JSON shape of one side's settings. */
    public record SettingsSide(String connector, List<Setting> settings) {
    }

    /**
     * The JSON shape of Setting. A secret that is set shows {@value #MASK} as its value, never the secret;
     * {@code origin} is {@code config}, {@code api} or {@code obtained} (null when nothing is stored).
     */
    public record Setting(String name, @Nullable String value, boolean set, boolean secret, boolean required,
                          @Nullable String defaultValue, @Nullable String origin, String description) {
        /** What a set secret shows instead of its value. */
        public static final String MASK = "********";

        public static Setting of(StoreSettingsView.Setting s) {
            return new Setting(s.name(), s.secret() ? (s.set() ? MASK : null) : s.value(), s.set(), s.secret(),
                    s.required(), s.defaultValue(), s.origin() == null ? null : s.origin().columnValue(),
                    s.description());
        }
    }

    /**
     * The JSON shape of DryRun: the report of a store's latest dry run (what a full pass would do, computed
     * without writing): counts, skip and delete reasons totalled, and samples of at most {@code sample_limit}
     * products per kind of change.
     */
    public record DryRun(String storeId, long runId, Instant finishedAt, DryRunCounts counts,
                         Map<String, Long> skipReasons, Map<String, Long> deleteReasons, int sampleLimit,
                         List<DryRunProduct> creates, List<DryRunUpdate> updates, List<DryRunUpdate> stockUpdates,
                         List<DryRunReason> deletes, List<DryRunReason> skips) {
        public static DryRun of(DryRunReport r) {
            DryRunReport.Counts c = r.counts();
            return new DryRun(r.storeId(), r.runId().value(), r.finishedAt(), new DryRunCounts(c.read(),
                    c.wouldCreate(), c.wouldUpdate(), c.wouldUpdateStock(), c.wouldDelete(), c.unchanged(),
                    c.skipped()), r.skipReasons(), r.deleteReasons(), r.sampleLimit(),
                    r.creates().stream().map(i -> new DryRunProduct(i.productId(), i.sku(), i.title())).toList(),
                    r.updates().stream().map(DryRunUpdate::of).toList(),
                    r.stockUpdates().stream().map(DryRunUpdate::of).toList(),
                    r.deletes().stream().map(DryRunReason::of).toList(),
                    r.skips().stream().map(DryRunReason::of).toList());
        }
    }

    /** The JSON shape of a dry run's counts. */
    public record DryRunCounts(long read, long wouldCreate, long wouldUpdate, long wouldUpdateStock,
                               long wouldDelete, long unchanged, long skipped) {
    }

    /** The JSON shape of a product a dry run would list. */
    public record DryRunProduct(String productId, @Nullable String sku, @Nullable String title) {
    }

    /** The JSON shape of a listing a dry run would update, with the fields that changed since it was sent. */
    public record DryRunUpdate(String productId, @Nullable String sku, @Nullable String title,
                               List<String> changedFields) {
        static DryRunUpdate of(DryRunReport.Item i) {
            return new DryRunUpdate(i.productId(), i.sku(), i.title(), i.changedFields());
        }
    }

    /** The JSON shape of a product a dry run would delete or skip, and why. */
    public record DryRunReason(String productId, @Nullable String reason) {
        static DryRunReason of(DryRunReport.Item i) {
            return new DryRunReason(i.productId(), i.reason());
        }
    }

    static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }
}
