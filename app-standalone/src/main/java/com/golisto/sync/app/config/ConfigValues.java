package com.golisto.sync.app.config;

import com.golisto.sync.api.spi.SettingType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.Function;

/**
 * The value checks of configuration keys: each parses one trimmed text or throws
 * {@link IllegalArgumentException} whose message is the reason, worded to follow the offending value
 * ({@code "abc" is not a port number (0-65535)}). Each check also comes as a {@link ValueType} that names
 * the expected type, for values of the wrong shape (a list or a mapping where one value belongs). Stateless.
 */
final class ConfigValues {

    /**
     * What a key expects and how its text is checked.
     *
     * @param expected the expected type, worded to follow "expected" ({@code a port number (0-65535)})
     * @param parser parses a trimmed text or throws {@link IllegalArgumentException} with the reason
     */
    record ValueType<T>(String expected, Function<String, T> parser) {
        ValueType {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(parser, "parser");
        }
    }

    private static final String PORT_TEXT = "a port number (0-65535)";
    private static final String HTTP_URL_TEXT = "an absolute http or https URL";
    private static final String JDBC_URL_TEXT = "a JDBC URL (jdbc:hsqldb:file:..., jdbc:postgresql://...)";
    private static final String DURATION_TEXT = "an ISO-8601 duration such as PT15M or PT2S";
    private static final String TIME_OF_DAY_TEXT = "a time of day (HH:mm, e.g. 03:00)";
    private static final String ZONE_TEXT = "a time zone (e.g. UTC, Europe/Paris)";

    static final ValueType<String> HOST = new ValueType<>("a host name or IP address", text -> text);
    static final ValueType<Integer> PORT = new ValueType<>(PORT_TEXT, ConfigValues::port);
    static final ValueType<URI> HTTP_URL = new ValueType<>(HTTP_URL_TEXT, ConfigValues::httpUrl);
    static final ValueType<Path> PATH = new ValueType<>("a file path", ConfigValues::path);
    static final ValueType<String> JDBC_URL = new ValueType<>(JDBC_URL_TEXT, ConfigValues::jdbcUrl);
    static final ValueType<Duration> POSITIVE_DURATION = new ValueType<>("a positive ISO-8601 duration such as PT15M",
            ConfigValues::positiveDuration);
    static final ValueType<Duration> NON_NEGATIVE_DURATION = new ValueType<>(DURATION_TEXT,
            ConfigValues::nonNegativeDuration);
    static final ValueType<LocalTime> TIME_OF_DAY = new ValueType<>(TIME_OF_DAY_TEXT, ConfigValues::timeOfDay);
    static final ValueType<ZoneId> ZONE = new ValueType<>(ZONE_TEXT, ConfigValues::zone);

    private ConfigValues() {
    }

    /**
     * The expected type of a connector setting, worded as {@link ValueType#expected()}.
     *
     * @param type the setting's declared type, {@code null} when the setting is not declared
     */
    static String expected(SettingType type) {
        if (type == null) {
            return "a single value";
        }
        return switch (type) {
            case STRING -> "a text";
            case INTEGER -> "a whole number";
            case BOOLEAN -> "true or false";
            case DURATION -> DURATION_TEXT;
            case URL -> HTTP_URL_TEXT;
        };
    }

    static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not " + PORT_TEXT);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("is not " + PORT_TEXT);
        }
        return port;
    }

    static URI httpUrl(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a URL: " + e.getReason());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("is not " + HTTP_URL_TEXT);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment");
        }
        return uri;
    }

    static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a file path: " + e.getReason());
        }
    }

    static String jdbcUrl(String text) {
        if (!text.startsWith("jdbc:")) {
            throw new IllegalArgumentException("is not " + JDBC_URL_TEXT);
        }
        return text;
    }

    static Duration positiveDuration(String text) {
        Duration d = duration(text);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("must be a positive duration");
        }
        return d;
    }

    static Duration nonNegativeDuration(String text) {
        Duration d = duration(text);
        if (d.isNegative()) {
            throw new IllegalArgumentException("must not be negative");
        }
        return d;
    }

    private static Duration duration(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not " + DURATION_TEXT);
        }
    }

    static LocalTime timeOfDay(String text) {
        if (!text.matches("\\d{1,2}:\\d{2}")) {
            throw new IllegalArgumentException("is not " + TIME_OF_DAY_TEXT);
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not " + TIME_OF_DAY_TEXT);
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not " + ZONE_TEXT);
        }
    }
}
