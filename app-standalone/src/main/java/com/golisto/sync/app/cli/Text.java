package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Plain-text rendering for the commands: aligned tables and run summaries. */
final class Text {
    private Text() {
    }

    /** An aligned table: a header row and rows, columns separated by two spaces. */
    static String table(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(i == row.size() - 1 ? row.get(i)
                        : String.format("%-" + widths[i] + "s", row.get(i)));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** A run's counts in one line. */
    static String counts(Views.Counts c) {
        String skipped = c.skipped() == 0 ? "" : ", skipped " + c.skipped() + " (" + c.skippedReasons().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", ")) + ")";
        return "read " + c.read() + ", created " + c.created() + ", updated " + c.updated() + ", deleted "
                + c.deleted() + ", unchanged " + c.unchanged() + skipped + ", failed " + c.failed() + ", requests "
                + c.requests();
    }

    /** An instant to the second, or "-". */
    static String time(@Nullable Instant t) {
        return t == null ? "-" : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** A value or "-". */
    static String orDash(@Nullable String s) {
        return s == null || s.isBlank() ? "-" : s;
    }

    /** A status as people write it ("awaiting approval"). */
    static String status(String s) {
        return s.replace('_', ' ');
    }
}
