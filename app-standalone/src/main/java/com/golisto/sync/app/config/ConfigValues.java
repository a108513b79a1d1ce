package com.golisto.sync.app.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The value checks of configuration keys: each parses one trimmed text or throws
 * {@link IllegalArgumentException} whose message is the reason, worded to follow the offending value
 * ({@code "abc" is not a port number (0-65535)}). Stateless.
 */
final class ConfigValues {

    private ConfigValues() {
    }

    static int port(String text) {
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a port number (0-65535)");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("is not a port number (0-65535)");
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
            throw new IllegalArgumentException("is not an absolute http or https URL");
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
            throw new IllegalArgumentException("is not a JDBC URL (jdbc:hsqldb:file:..., jdbc:postgresql://...)");
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
            throw new IllegalArgumentException("is not an ISO-8601 duration such as PT15M or PT2S");
        }
    }

    static LocalTime timeOfDay(String text) {
        if (!text.matches("\\d{1,2}:\\d{2}")) {
            throw new IllegalArgumentException("is not a time of day (HH:mm, e.g. 03:00)");
        }
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("is not a time of day (HH:mm, e.g. 03:00)");
        }
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not a time zone (e.g. UTC, Europe/Paris)");
        }
    }
}
