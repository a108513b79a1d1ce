package com.golisto.sync.core.store;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The {@code sync_runs.skip_reasons} text: one {@code count<TAB>reason} line per reason. Reasons are a small
 * fixed set (draft, no price, trashed, removed in shop…); a text that would not fit the column keeps the
 * lines that fit, and the reader then drops the breakdown (its total no longer matches the skipped count).
 */
final class SkipReasons {

    private SkipReasons() {
    }

    static @Nullable String encode(Map<String, Long> reasons) {
        if (reasons.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Long> e : reasons.entrySet()) {
            String line = e.getValue() + "\t" + e.getKey().replace('\n', ' ').replace('\t', ' ');
            if (text.length() + line.length() + 1 > Limits.MESSAGE) {
                break;
            }
            text.append(text.isEmpty() ? "" : "\n").append(line);
        }
        return text.toString();
    }

    static Map<String, Long> decode(@Nullable String text) {
        Map<String, Long> reasons = new TreeMap<>();
        if (text == null || text.isEmpty()) {
            return reasons;
        }
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            try {
                long n = Long.parseLong(line.substring(0, tab));
                if (n > 0) {
                    reasons.merge(line.substring(tab + 1), n, Long::sum);
                }
            } catch (NumberFormatException e) {
                // a line this version did not write: ignored, the total check drops the breakdown
            }
        }
        return reasons;
    }
}
