package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A dry run's report for people: the counts, the reasons totalled, and each sample as a small table. */
final class DryRunText {
    private DryRunText() {
    }

    static String render(Views.DryRun r) {
        Views.DryRunCounts c = r.counts();
        StringBuilder out = new StringBuilder();
        out.append("Dry run ").append(r.runId()).append(" of ").append(r.storeId()).append(" (")
                .append(Text.time(r.finishedAt())).append("): nothing was written.\n")
                .append("A full sync would: create ").append(c.wouldCreate()).append(", update ")
                .append(c.wouldUpdate()).append(", update stock only ").append(c.wouldUpdateStock())
                .append(", delete ").append(c.wouldDelete()).append("; unchanged ").append(c.unchanged())
                .append(", skipped ").append(c.skipped()).append(" (read ").append(c.read()).append(").\n");
        if (!r.skipReasons().isEmpty()) {
            out.append("Skipped by reason: ").append(totals(r.skipReasons())).append('\n');
        }
        if (!r.deleteReasons().isEmpty()) {
            out.append("Deleted by reason: ").append(totals(r.deleteReasons())).append('\n');
        }
        section(out, "Would create", c.wouldCreate(), r.creates(), List.of("PRODUCT", "SKU", "TITLE"),
                p -> List.of(p.productId(), Text.orDash(p.sku()), Text.orDash(p.title())));
        section(out, "Would update", c.wouldUpdate(), r.updates(), List.of("PRODUCT", "TITLE", "CHANGED"),
                u -> List.of(u.productId(), Text.orDash(u.title()), String.join(", ", u.changedFields())));
        section(out, "Would update stock only", c.wouldUpdateStock(), r.stockUpdates(), List.of("PRODUCT", "TITLE"),
                u -> List.of(u.productId(), Text.orDash(u.title())));
        section(out, "Would delete", c.wouldDelete(), r.deletes(), List.of("PRODUCT", "REASON"),
                d -> List.of(d.productId(), Text.orDash(d.reason())));
        section(out, "Skipped", c.skipped(), r.skips(), List.of("PRODUCT", "REASON"),
                s -> List.of(s.productId(), Text.orDash(s.reason())));
        return out.toString();
    }

    private static String totals(Map<String, Long> totals) {
        return totals.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static <T> void section(StringBuilder out, String title, long count, List<T> sample, List<String> header,
            Function<T, List<String>> row) {
        if (count == 0) {
            return;
        }
        out.append('\n').append(title).append(" (").append(count)
                .append(sample.size() < count ? ", the first " + sample.size() + " shown" : "").append("):\n");
        out.append(Text.table(header, sample.stream().map(row).toList()).indent(2));
    }
}
