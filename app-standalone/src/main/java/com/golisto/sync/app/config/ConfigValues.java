package com.golisto.sync.app.config;

import com.golisto.sync.app.logging.LogFormat;
import com.golisto.sync.app.logging.LogSetup;
import com.golisto.sync.api.spi.SettingType;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

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
    private static final String BOOLEAN_TEXT = "true or false";
    private static final String HOST_NAMES_TEXT = "a list of host names or IP addresses (in the environment, separated"
            + " by commas)";
    private static final String HOST_NAME_TEXT = "a host name or IP address (no scheme, port, path or wildcard)";
    private static final int MAX_HOST_NAME_LENGTH = 253;
    // DNS labels, underscores allowed (container and service names use them); an IPv4 address matches too
    private static final Pattern HOST_NAME = Pattern.compile(
            "[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\\.?");

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
    static final ValueType<Boolean> BOOLEAN = new ValueType<>(BOOLEAN_TEXT, ConfigValues::bool);
    static final ValueType<Integer> HEADER_BYTES = wholeNumber("a whole number of bytes from 1024 (1 KiB) to 65536"
            + " (64 KiB)", EdgeConfig.MIN_HEADER_BYTES, EdgeConfig.MAX_HEADER_BYTES);
    static final ValueType<Integer> BODY_BYTES = wholeNumber("a whole number of bytes from 1024 (1 KiB) to 67108864"
            + " (64 MiB)", EdgeConfig.MIN_BODY_BYTES, EdgeConfig.MAX_BODY_BYTES);
    static final ValueType<Integer> BYTES_PER_SECOND = wholeNumber("a whole number of bytes per second from 0 (no"
            + " check) to 1048576 (1 MiB)", 0, EdgeConfig.MAX_MIN_REQUEST_BYTES_PER_SECOND);
    static final ValueType<Integer> RESPONSE_BYTES = wholeNumber("a whole number of bytes from 1024 (1 KiB) to"
            + " 1073741824 (1 GiB)", GolistoConfig.MIN_RESPONSE_BYTES, GolistoConfig.MAX_RESPONSE_BYTES);
    static final ValueType<Duration> IDLE_TIMEOUT = boundedDuration("an ISO-8601 duration from PT1S to PT1H"
            + " (e.g. PT30S)", EdgeConfig.MIN_IDLE_TIMEOUT, EdgeConfig.MAX_IDLE_TIMEOUT);
    static final ValueType<Duration> SESSION_LIFETIME = boundedDuration("an ISO-8601 duration from PT1M to P30D"
            + " (e.g. PT12H)", EdgeConfig.MIN_SESSION_LIFETIME, EdgeConfig.MAX_SESSION_LIFETIME);
    static final ValueType<Integer> FREE_DISK_MIB = wholeNumber("a whole number of MiB from 0 (no check) to 1048576",
            0, HealthConfig.MAX_FREE_DISK_MIB);
    static final ValueType<Integer> FAILED_PASSES = wholeNumber("a whole number from 1 to 100", 1,
            HealthConfig.MAX_FAILED_PASSES);
    static final ValueType<Duration> HEALTH_CACHE = boundedDuration("an ISO-8601 duration from PT0S to PT5M"
            + " (e.g. PT5S)", Duration.ZERO, HealthConfig.MAX_CACHE_FOR);
    static final ValueType<List<String>> HOST_NAMES = new ValueType<>(HOST_NAMES_TEXT, ConfigValues::hostNames);
    static final ValueType<Integer> RUNS_KEPT = wholeNumber("a whole number from 0 to 10000", 0,
            RetentionConfig.MAX_RUNS_KEPT_PER_KIND);

    static final ValueType<Integer> POOL_SIZE = wholeNumber("a whole number from 1 to 1000", 1,
            StateConfig.MAX_POOL_SIZE);

    static final ValueType<Integer> DEEP_CHECK_DAYS = wholeNumber("a whole number of days from 1 to 366", 1,
            SyncConfig.MAX_DEEP_CHECK_DAYS);

    static final ValueType<String> NODE_ID = new ValueType<>("1 to 50 letters, digits, '.', '_' or '-'", text -> {
        if (!text.matches("[A-Za-z0-9._-]{1,50}")) {
            throw new IllegalArgumentException("is not 1 to 50 letters, digits, '.', '_' or '-'");
        }
        return text;
    });
    // db-scheduler refuses fewer than 4 (SchedulerBuilder.missedHeartbeatsLimit): checked here, not a crash at start
    static final ValueType<Integer> MISSED_HEARTBEATS = wholeNumber("a whole number from 4 to 100", 4, 100);
    static final ValueType<String> LOG_LEVEL = new ValueType<>(LogSetup.LEVELS, ConfigValues::logLevel);
    static final ValueType<LogFormat> LOG_FORMAT = new ValueType<>("text or json", LogFormat::parse);

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

    /** A whole number within bounds; {@code expected} names the type and the bounds. */
    private static ValueType<Integer> wholeNumber(String expected, int min, int max) {
        return new ValueType<>(expected, text -> {
            int n;
            try {
                n = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not " + expected);
            }
            if (n < min || n > max) {
                throw new IllegalArgumentException("is out of range: expected " + expected);
            }
            return n;
        });
    }

    /** A duration within bounds (both included); {@code expected} names the type and the bounds. */
    private static ValueType<Duration> boundedDuration(String expected, Duration min, Duration max) {
        return new ValueType<>(expected, text -> {
            Duration d;
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not " + expected);
            }
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new IllegalArgumentException("is out of range: expected " + expected);
            }
            return d;
        });
    }

    static String logLevel(String text) {
        if (!LogSetup.isLevel(text)) {
            throw new IllegalArgumentException("is not " + LogSetup.LEVELS);
        }
        return text.strip().toUpperCase(java.util.Locale.ROOT);
    }

    static boolean bool(String text) {
        if (text.equalsIgnoreCase("true")) {
            return true;
        }
        if (text.equalsIgnoreCase("false")) {
            return false;
        }
        throw new IllegalArgumentException("is not " + BOOLEAN_TEXT);
    }

    /**
     * Host names separated by commas (the file's lists arrive joined, see {@link ConfigSources}), lower-cased,
     * without duplicates; empty entries are skipped, so an empty text is an empty list.
     */
    static List<String> hostNames(String text) {
        List<String> hosts = new ArrayList<>();
        for (String entry : text.split(",", -1)) {
            String host = entry.trim().toLowerCase(Locale.ROOT);
            if (host.isEmpty()) {
                continue;
            }
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            boolean valid = host.contains(":") ? ipv6Literal(host)
                    : host.length() <= MAX_HOST_NAME_LENGTH && HOST_NAME.matcher(host).matches();
            if (!valid) {
                throw new IllegalArgumentException("holds \"" + entry.trim() + "\", which is not " + HOST_NAME_TEXT);
            }
            if (!hosts.contains(host)) {
                hosts.add(host);
            }
        }
        return List.copyOf(hosts);
    }

    /** Whether the text is an IPv6 address literal; a text with a colon is never looked up in DNS. */
    private static boolean ipv6Literal(String text) {
        if (!text.matches("[0-9a-f:.]+(%[0-9a-z._-]+)?")) {
            return false;
        }
        try {
            InetAddress.getByName(text);
            return true;
        } catch (UnknownHostException e) {
            return false;
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
