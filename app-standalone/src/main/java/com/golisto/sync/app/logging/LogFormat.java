package com.golisto.sync.app.logging;

import java.util.Locale;

/** How log lines are written: {@code text} ({@code key=value}) or {@code json} (one object per line). */
public enum LogFormat {
    /** {@code 2026-11-28T11:44:17.682Z level=INFO store=my-shop logger=... event=...}, as in logback.xml. */
    TEXT,
    /** One JSON object per line: time, level, store, run, event, message, logger, thread, exception. */
    JSON;

    /**
     * The format named by a text, case-insensitively.
     *
     * @throws IllegalArgumentException when it names none
     */
    public static LogFormat parse(String text) {
        for (LogFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("is not text or json");
    }

    /** The lower-case name, as configured. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
