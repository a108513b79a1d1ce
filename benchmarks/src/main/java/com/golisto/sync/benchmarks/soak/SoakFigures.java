package com.golisto.sync.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What the soak measured, collected as it goes, printed at the end as a summary and as the Markdown table that
 * docs/reliability.md holds (paste it there to update the figures). Owned by the soak's one driving thread.
 */
final class SoakFigures {
    private final SoakOptions options;
    private final List<Duration> restarts = new ArrayList<>();
    private final List<String> reconciles = new ArrayList<>();
    private final List<String> activityErrors = new ArrayList<>();
    private Map<String, Map<FaultKind, Long>> faults = Map.of();
    private Map<String, Long> requests = Map.of();
    private Map<String, Integer> runs = Map.of();
    private Map<String, Integer> changes = Map.of();
    private Duration initialSync = Duration.ZERO;
    private Duration reconcileTook = Duration.ZERO;
    private Duration converge = Duration.ZERO;
    private @Nullable Verdict initial;
    private @Nullable Verdict atFaultsOff;
    private @Nullable Verdict afterReconcile;
    private @Nullable Verdict last;
    private int kills;
    private int sales;
    private int refusedSales;
    private int deadLetters;

    SoakFigures(SoakOptions options) {
        this.options = options;
    }

    void initialSync(Duration took, Verdict verdict) {
        initialSync = took;
        initial = verdict;
    }

    void killed() {
        kills++;
    }

    int kills() {
        return kills;
    }

    void restarted(Duration serving) {
        restarts.add(serving);
    }

    void faultsServed(Map<String, Map<FaultKind, Long>> served, Map<String, Long> answered) {
        faults = served;
        requests = answered;
    }

    void activity(int sold, int refused, Map<String, Integer> changed) {
        sales = sold;
        refusedSales = refused;
        changes = new TreeMap<>(changed);
    }

    void activityError(String what) {
        activityErrors.add(what);
    }

    void atFaultsOff(Verdict verdict) {
        atFaultsOff = verdict;
    }

    void reconcile(int attempt, JsonNode run) {
        reconciles.add("#" + attempt + " run " + run.path("id").asText() + " " + run.path("status").asText()
                + (run.path("error").isTextual() ? " (" + run.path("error").asText() + ")" : ""));
    }

    void reconcileTook(Duration took) {
        reconcileTook = took;
    }

    void afterReconcile(Verdict verdict) {
        afterReconcile = verdict;
    }

    void converged(Duration took, Verdict verdict) {
        converge = took;
        last = verdict;
    }

    void runs(Map<String, Integer> finished) {
        runs = new TreeMap<>(finished);
    }

    void deadLetters(int count) {
        deadLetters = count;
    }

    /** Prints the summary, the failures when an invariant fails, and the Markdown table. */
    void print(PrintStream out) {
        Verdict end = java.util.Objects.requireNonNull(last, "the soak has no final verdict");
        out.println();
        out.println("== Golisto Sync fault soak: " + (end.holds() ? "PASSED, every invariant holds"
                : "FAILED: " + end.summary()));
        out.println("first full sync: " + summary(initial));
        out.println("at faults off:   " + summary(atFaultsOff));
        out.println("after reconcile: " + summary(afterReconcile));
        out.println("at the end:      " + end.summary());
        out.println("reconcile runs:  " + String.join(", ", reconciles));
        if (!activityErrors.isEmpty()) {
            out.println(activityErrors.size() + " soak actions failed (emulator refused them), the first: "
                    + activityErrors.get(0));
        }
        if (!end.holds()) {
            end.duplicatedSales().stream().limit(20).forEach(s -> out.println("  duplicated: " + s));
            end.lostSales().stream().limit(20).forEach(s -> out.println("  lost sale:  " + s));
            end.strayOrders().stream().limit(20).forEach(s -> out.println("  stray:      " + s));
            end.unacknowledged().stream().limit(20).forEach(s -> out.println("  unacked:    " + s));
            end.drift().stream().limit(20).forEach(s -> out.println("  drift:      " + s));
        }
        out.println();
        out.println("<!-- soak figures: paste into docs/reliability.md -->");
        table(end).forEach((k, v) -> out.println("| " + k + " | " + v + " |"));
    }

    /** The figures as rows of a two-column Markdown table, header included. */
    Map<String, String> table(Verdict end) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Figure", "Value");
        rows.put("---", "---");
        rows.put("Engine commit", "`" + options.commit() + "`");
        rows.put("Command", "`bin/soak --minutes " + minutes(options.duration()) + " --seed " + options.seed()
                + " --products " + options.products() + " --kill-every " + options.killMin().toSeconds() + "-"
                + options.killMax().toSeconds() + "`");
        rows.put("Verdict", end.holds() ? "**passed**: every invariant holds" : "**FAILED**: " + end.summary());
        rows.put("First full sync (catalog listed)", seconds(initialSync));
        Map<FaultKind, Long> total = new EnumMap<>(FaultKind.class);
        faults.forEach((emulator, byKind) -> {
            rows.put("Faults served by " + emulator, byKind.values().stream().mapToLong(Long::longValue).sum()
                    + " of " + requests.getOrDefault(emulator, 0L) + " requests (" + byKind.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
                    .collect(Collectors.joining(", ")) + ")");
            byKind.forEach((k, n) -> total.merge(k, n, Long::sum));
        });
        for (FaultKind kind : FaultKind.values()) {
            rows.put("&nbsp;&nbsp;" + kind.label(), Long.toString(total.getOrDefault(kind, 0L)));
        }
        rows.put("`kill -9` of the runner", Integer.toString(kills));
        rows.put("Restart to serving (min / median / max)", restarts.isEmpty() ? "-"
                : seconds(restarts.stream().min(Duration::compareTo).orElseThrow()) + " / "
                + seconds(restarts.stream().sorted().toList().get(restarts.size() / 2)) + " / "
                + seconds(restarts.stream().max(Duration::compareTo).orElseThrow()));
        rows.put("Catalog changes", changes.values().stream().mapToInt(Integer::intValue).sum() + " ("
                + changes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")");
        rows.put("Golisto sales (refused by Golisto: sold out)", sales + " (" + refusedSales + ")");
        rows.put("WooCommerce orders", Integer.toString(end.shopOrders()));
        rows.put("Duplicate orders", Integer.toString(end.duplicateOrders()));
        rows.put("Lost orders (sale without a shop order)", Integer.toString(end.lostSales().size()));
        rows.put("Stray orders / unacknowledged sales", end.strayOrders().size() + " / " + end.unacknowledged().size());
        rows.put("Sales without a shop order at faults off", atFaultsOff == null ? "-"
                : Integer.toString(atFaultsOff.lostSales().size()));
        rows.put("Drift at faults off (products differing)", drift(atFaultsOff));
        rows.put("Drift right after the reconcile", drift(afterReconcile));
        rows.put("Drift at the end (duplicate listings)", end.drift().size() + " (" + end.duplicateListings() + ")");
        rows.put("Reconcile (full pass, faults off)", seconds(reconcileTook) + ", " + String.join(", ", reconciles));
        rows.put("Time to converge (faults off to every invariant holding)", end.holds() ? seconds(converge)
                : "did not within " + seconds(options.convergeTimeout()));
        rows.put("Runs finished, by kind and status (all starts)", runs.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        rows.put("Dead letters at the end", Integer.toString(deadLetters));
        return rows;
    }

    private static String summary(@Nullable Verdict verdict) {
        return verdict == null ? "-" : verdict.summary();
    }

    private static String drift(@Nullable Verdict verdict) {
        return verdict == null ? "-" : Integer.toString(verdict.drift().size());
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? Long.toString(d.toMinutes())
                : String.format(java.util.Locale.ROOT, "%.2f", d.toMillis() / 60_000.0);
    }
}
