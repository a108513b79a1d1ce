package com.golisto.sync.app.config;

import com.golisto.sync.app.logging.LogFormat;
import com.golisto.sync.app.logging.LogSetup;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The {@code log.*} keys: the level and the format of the runner's log lines. Immutable.
 *
 * @param level the root level ({@link LogSetup#LEVELS}), upper case; {@code null} for the command's default
 * @param format the line format; {@code null} for {@code text} (or what {@code --log-format} says)
 */
public record LogConfig(@Nullable String level, @Nullable LogFormat format) {
    public LogConfig {
        if (level != null) {
            if (!LogSetup.isLevel(level)) {
                throw new IllegalArgumentException("level must be " + LogSetup.LEVELS);
            }
            level = level.strip().toUpperCase(Locale.ROOT);
        }
    }

    /** Nothing configured: the command's level, text lines. */
    public static LogConfig defaults() {
        return new LogConfig(null, null);
    }
}
