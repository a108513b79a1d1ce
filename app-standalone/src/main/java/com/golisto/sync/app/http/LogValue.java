package com.golisto.sync.app.http;

import org.jspecify.annotations.Nullable;

/**
 * Makes a value that came from a request (a query parameter, a header, a remote's message quoting one) safe
 * for a {@code key="value"} log line: line breaks and other control characters, quotes and backslashes are
 * escaped ({@code \n}, {@code \u0001}, ...), so a value can never start a line of its own or close its quotes;
 * and it is cut to {@value #MAX_CHARS} characters, so one request cannot write a large line.
 */
public final class LogValue {
    /** The longest value kept, in characters; longer ones end with {@code ...(N chars)}. */
    public static final int MAX_CHARS = 200;

    private LogValue() {
    }

    /** The escaped, bounded text of the value ({@code null} shows as {@code -}). */
    public static String of(@Nullable Object value) {
        if (value == null) {
            return "-";
        }
        String s = value.toString();
        int keep = Math.min(s.length(), MAX_CHARS);
        StringBuilder sb = new StringBuilder(keep + 16);
        for (int i = 0; i < keep; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    // C0/C1 controls and the Unicode line and paragraph separators
                    if (c < 0x20 || c >= 0x7f && c < 0xa0 || c == '\u2028' || c == '\u2029') {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        if (s.length() > keep) {
            sb.append("...(").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }
}
