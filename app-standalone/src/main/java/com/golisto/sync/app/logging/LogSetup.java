package com.golisto.sync.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.ConsoleTarget;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Chooses the log format and level at start. The level comes from, first to last: the system property
 * {@value #LEVEL_PROPERTY}, the environment variable {@value #LEVEL_VARIABLE}, the configuration's {@code log.level},
 * the command's default ({@code INFO} for {@code serve}, {@code WARN} otherwise). The format from: {@code
 * --log-format}, {@value #FORMAT_VARIABLE}, {@code log.format}, {@code text}. Both replace what {@code logback.xml}
 * set up: the root logger's level and the encoder of its standard-error appender.
 */
public final class LogSetup {
    /** The system property of the level, e.g. {@code -Dgolisto.log.level=DEBUG}. */
    public static final String LEVEL_PROPERTY = "golisto.log.level";
    /** The environment variable of the level ({@code log.level} by the configuration's conventions). */
    public static final String LEVEL_VARIABLE = "GOLISTO_SYNC_LOG_LEVEL";
    /** The environment variable of the format ({@code log.format}). */
    public static final String FORMAT_VARIABLE = "GOLISTO_SYNC_LOG_FORMAT";
    /** The levels a configuration may name. */
    public static final String LEVELS = "TRACE, DEBUG, INFO, WARN, ERROR or OFF";

    private static final String APPENDER = "STDERR";
    private static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} level=%level store=%X{store:--}"
            + " logger=%logger{0} thread=%thread %msg%replace(%ex{short}){'[\\r\\n]+', ' | '}%nopex%n";

    // whether the level property holds the command's default, set by start() (not the user's -D)
    private static volatile boolean defaulted;

    private LogSetup() {
    }

    /**
     * The level and format the process runs with before its configuration is read: the system property, else the
     * environment variable, else the command's default; the format's environment variable. Applied at once.
     *
     * @param env the environment
     * @param serving whether the command is {@code serve}
     */
    public static void start(Map<String, String> env, boolean serving) {
        String variable = env.get(LEVEL_VARIABLE);
        if (System.getProperty(LEVEL_PROPERTY) == null) {
            // read by logback.xml when logging starts; a logging system started before keeps its level
            System.setProperty(LEVEL_PROPERTY, serving ? "INFO" : "WARN");
            defaulted = true;
        }
        if (defaulted && variable != null && !variable.isBlank()) {
            level(variable);
        }
        String format = env.get(FORMAT_VARIABLE);
        if (format != null && !format.isBlank()) {
            try {
                format(LogFormat.parse(format));
            } catch (IllegalArgumentException e) {
                // the configuration's check names the bad value when the command reads it
            }
        }
    }

    /**
     * The configuration's level, unless the system property set one (which wins over every other source).
     *
     * @param configured {@code log.level} (the file or {@value #LEVEL_VARIABLE}), {@code null} when not given
     */
    public static void configuredLevel(@Nullable String configured) {
        if (configured != null && (defaulted || System.getProperty(LEVEL_PROPERTY) == null)) {
            level(configured);
        }
    }

    /** Whether a text names a level ({@link #LEVELS}), case-insensitively. */
    public static boolean isLevel(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF" -> true;
            default -> false;
        };
    }

    /** Sets the root logger's level (an unknown name means {@code INFO}). */
    public static void level(String level) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.toLevel(level.strip(), Level.INFO));
        }
    }

    /** Writes the log lines from now on in this format, to standard error. */
    public static synchronized void format(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(APPENDER);
        appender.setTarget(ConsoleTarget.SystemErr.getName());
        appender.setEncoder(encoder(context, format));
        appender.start();
        ch.qos.logback.core.Appender<ILoggingEvent> previous = root.getAppender(APPENDER);
        root.addAppender(appender);
        if (previous != null) {
            root.detachAppender(previous);
            previous.stop();
        }
    }

    private static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        if (format == LogFormat.JSON) {
            JsonLayout layout = new JsonLayout();
            layout.setContext(context);
            layout.start();
            LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
            encoder.setContext(context);
            encoder.setLayout(layout);
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.start();
            return encoder;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(TEXT_PATTERN);
        encoder.start();
        return encoder;
    }
}
