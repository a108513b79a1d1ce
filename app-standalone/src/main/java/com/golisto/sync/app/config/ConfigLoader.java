package com.golisto.sync.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingProblem;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the runner's configuration: the YAML file (when there is one), then every {@code GOLISTO_SYNC_*}
 * environment variable over it, then checks every key and fills in defaults. All problems are collected
 * and reported together, each naming its key ({@link InvalidConfigException}); values of secret keys are
 * never repeated in messages.
 *
 * <p>Stateless apart from its inputs; thread-safe.
 */
public final class ConfigLoader {
    private static final Pattern STORE_ENV = Pattern.compile("GOLISTO_SYNC_STORES_(\\d+)_(.+)");
    private static final Pattern STORE_KEY = Pattern.compile("stores\\[(\\d+)]\\.(.+)");
    private static final Set<String> DEFAULT_WOO_SETTINGS = Set.of("url", "consumer-key", "consumer-secret");
    private static final int MAX_STORES = 10_000;

    private final Map<String, String> env;
    private final ConnectorDescriptor wooDescriptor;

    private ConfigLoader(Map<String, String> env, ConnectorDescriptor wooDescriptor) {
        this.env = Map.copyOf(env);
        this.wooDescriptor = wooDescriptor;
    }

    /**
     * A loader reading overrides from these environment variables.
     *
     * @param env the environment (usually {@link System#getenv()})
     */
    public static ConfigLoader create(Map<String, String> env) {
        return new ConfigLoader(env, null);
    }

    /**
     * A copy that also checks each store's {@code woocommerce} settings against the WooCommerce
     * connector's own declaration (unknown settings, missing required ones, values of the wrong type).
     */
    public ConfigLoader withWooCommerceSettings(ConnectorDescriptor descriptor) {
        return new ConfigLoader(env, Objects.requireNonNull(descriptor, "descriptor"));
    }

    /**
     * The configuration file named by the command line, else by {@code GOLISTO_SYNC_CONFIG}, else none.
     *
     * @param fromCommandLine the {@code --config} option's value, {@code null} when not given
     */
    public Optional<Path> configFile(Path fromCommandLine) {
        if (fromCommandLine != null) {
            return Optional.of(fromCommandLine);
        }
        String fromEnv = env.get(ConfigKey.CONFIG_ENV);
        return fromEnv == null || fromEnv.isBlank() ? Optional.empty() : Optional.of(Path.of(fromEnv.trim()));
    }

    /**
     * Loads and checks the configuration.
     *
     * @param file the YAML file, or empty for defaults and environment variables only
     * @throws InvalidConfigException listing every problem
     */
    public RunnerConfig load(Optional<Path> file) {
        List<ConfigProblem> problems = new ArrayList<>();
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        file.ifPresent(path -> readYaml(path, raw, origin, problems));
        applyEnvironment(raw, origin, problems);
        RunnerConfig config = new Parser(raw, origin, problems).parse();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private static void readYaml(Path path, Map<String, String> raw, Map<String, String> origin,
                                 List<ConfigProblem> problems) {
        String key = "config";
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(path);
            root = new YAMLMapper().readTree(bytes);
        } catch (NoSuchFileException e) {
            problems.add(new ConfigProblem(key, "file " + path + " does not exist"));
            return;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            problems.add(new ConfigProblem(key, "file " + path + " is not valid YAML" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));
            return;
        } catch (IOException e) {
            problems.add(new ConfigProblem(key, "file " + path + " cannot be read: " + e.getMessage()));
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problems.add(new ConfigProblem(key, "file " + path + " must hold a mapping of sections (server, state, ...)"));
            return;
        }
        flatten("", root, raw, origin, problems, path.toString());
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> raw, Map<String, String> origin,
                                List<ConfigProblem> problems, String source) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, raw, origin, problems, source);
            } else if (value.isArray()) {
                if (!key.equals("stores")) {
                    problems.add(new ConfigProblem(key, "must not be a list"));
                    continue;
                }
                for (int i = 0; i < value.size(); i++) {
                    JsonNode item = value.get(i);
                    String itemKey = "stores[" + i + "]";
                    if (!item.isObject()) {
                        problems.add(new ConfigProblem(itemKey, "must be a mapping with id and woocommerce"));
                    } else {
                        flatten(itemKey, item, raw, origin, problems, source);
                    }
                }
            } else if (!value.isNull()) {
                if (key.equals("stores")) {
                    problems.add(new ConfigProblem(key, "must be a list of stores"));
                    continue;
                }
                raw.put(key, value.asText());
                origin.put(key, source);
            }
        }
    }

    private void applyEnvironment(Map<String, String> raw, Map<String, String> origin, List<ConfigProblem> problems) {
        Map<String, String> globalByEnv = new LinkedHashMap<>();
        for (ConfigKey key : ConfigKey.ALL) {
            if (!key.perStore()) {
                globalByEnv.put(key.envVar(), key.name());
            }
        }
        for (String var : new TreeSet<>(env.keySet())) {
            if (!var.startsWith(ConfigKey.ENV_PREFIX) || var.equals(ConfigKey.CONFIG_ENV)) {
                continue;
            }
            String value = env.get(var);
            String key = globalByEnv.get(var);
            if (key == null) {
                key = storeKeyOf(var).orElse(null);
            }
            if (key == null) {
                problems.add(new ConfigProblem(var, "is not a configuration variable (see docs/configuration.md)"));
                continue;
            }
            raw.put(key, value);
            origin.put(key, var);
        }
    }

    private Optional<String> storeKeyOf(String var) {
        Matcher m = STORE_ENV.matcher(var);
        if (!m.matches()) {
            return Optional.empty();
        }
        String index = m.group(1);
        String rest = m.group(2);
        if (rest.equals("ID")) {
            return Optional.of("stores[" + index + "].id");
        }
        if (rest.startsWith("WOOCOMMERCE_")) {
            String setting = rest.substring("WOOCOMMERCE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
            if (wooSettingNames().contains(setting)) {
                return Optional.of("stores[" + index + "].woocommerce." + setting);
            }
        }
        return Optional.empty();
    }

    private Set<String> wooSettingNames() {
        if (wooDescriptor == null) {
            return DEFAULT_WOO_SETTINGS;
        }
        Set<String> names = new TreeSet<>(DEFAULT_WOO_SETTINGS);
        wooDescriptor.settings().forEach(s -> names.add(s.name()));
        return names;
    }

    // ---- checking ------------------------------------------------------------------------------------------

    /** Parses the flat key/value map, consuming keys as it goes; leftovers are unknown keys. */
    private final class Parser {
        private final Map<String, String> raw;
        private final Map<String, String> origin;
        private final List<ConfigProblem> problems;

        Parser(Map<String, String> raw, Map<String, String> origin, List<ConfigProblem> problems) {
            this.raw = new LinkedHashMap<>(raw);
            this.origin = origin;
            this.problems = problems;
        }

        RunnerConfig parse() {
            String host = text(ConfigKey.SERVER_HOST, "127.0.0.1");
            Integer port = value(ConfigKey.SERVER_PORT, "8080", ConfigLoader::port);
            URI publicUrl = value(ConfigKey.SERVER_PUBLIC_URL, null, ConfigLoader::httpUrl);
            Secret adminToken = secret(ConfigKey.SERVER_ADMIN_TOKEN, 24);
            Path dataDir = value(ConfigKey.STATE_DATA_DIR, "data", ConfigLoader::path);
            String jdbcUrl = secretValue(ConfigKey.STATE_JDBC_URL, ConfigLoader::jdbcUrl);
            Path masterKey = value(ConfigKey.STATE_MASTER_KEY_FILE, null, ConfigLoader::path);
            URI apiUrl = value(ConfigKey.GOLISTO_API_URL, "https://api.golisto.com", ConfigLoader::httpUrl);
            URI webUrl = value(ConfigKey.GOLISTO_WEB_URL, "https://golisto.com", ConfigLoader::httpUrl);
            Duration statusPoll = value(ConfigKey.GOLISTO_STATUS_POLL_INTERVAL, "PT1M", ConfigLoader::positiveDuration);
            LocalTime dailyAt = value(ConfigKey.SYNC_DAILY_FULL_SYNC_AT, "03:00", ConfigLoader::timeOfDay);
            ZoneId zone = value(ConfigKey.SYNC_TIME_ZONE, "UTC", ConfigLoader::zone);
            Duration incremental = value(ConfigKey.SYNC_INCREMENTAL_INTERVAL, "PT15M", ConfigLoader::positiveDuration);
            Duration orderPoll = value(ConfigKey.SYNC_ORDER_POLL_INTERVAL, "PT1M", ConfigLoader::positiveDuration);
            Duration debounce = value(ConfigKey.SYNC_WEBHOOK_DEBOUNCE, "PT2S", ConfigLoader::nonNegativeDuration);
            List<StoreConfig> stores = stores();
            for (String unknown : raw.keySet()) {
                problems.add(new ConfigProblem(unknown, "unknown key" + from(unknown) + suggestion(unknown)));
            }
            if (!problems.isEmpty()) {
                return null;
            }
            if (jdbcUrl == null) {
                jdbcUrl = "jdbc:hsqldb:file:" + dataDir.resolve("state");
            }
            if (masterKey == null) {
                masterKey = dataDir.resolve("master.key");
            }
            return new RunnerConfig(
                    new ServerConfig(host, port, publicUrl, adminToken),
                    new StateConfig(dataDir, jdbcUrl, masterKey),
                    new GolistoConfig(apiUrl, webUrl, statusPoll),
                    new SyncConfig(dailyAt, zone, incremental, orderPoll, debounce),
                    stores);
        }

        private List<StoreConfig> stores() {
            int count = 0;
            for (String key : raw.keySet()) {
                Matcher m = STORE_KEY.matcher(key);
                if (m.matches()) {
                    try {
                        count = Math.max(count, Math.min(MAX_STORES, Integer.parseInt(m.group(1)) + 1));
                    } catch (NumberFormatException e) {
                        count = MAX_STORES;
                    }
                }
            }
            List<StoreConfig> stores = new ArrayList<>();
            Set<String> seen = new TreeSet<>();
            for (int i = 0; i < count; i++) {
                String prefix = "stores[" + i + "].";
                String idKey = prefix + "id";
                String id = raw.remove(idKey);
                Map<String, String> woo = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, String>> it = raw.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<String, String> e = it.next();
                    if (e.getKey().startsWith(prefix + "woocommerce.")) {
                        String setting = e.getKey().substring((prefix + "woocommerce.").length());
                        if (setting.contains(".") || !wooSettingNames().contains(setting) && wooDescriptor == null) {
                            continue; // left in raw: reported as an unknown key
                        }
                        woo.put(setting, e.getValue());
                        it.remove();
                    }
                }
                if (id == null || id.isBlank()) {
                    if (!woo.isEmpty()) {
                        problems.add(new ConfigProblem(idKey, "is required: every store needs an id"));
                    }
                    continue;
                }
                String trimmed = id.trim();
                if (!trimmed.matches(StoreConfig.ID_PATTERN)) {
                    problems.add(new ConfigProblem(idKey, "\"" + trimmed + "\"" + from(idKey)
                            + " is not a store id: use lower-case letters, digits and dashes (at most 63)"));
                    continue;
                }
                if (!seen.add(trimmed)) {
                    problems.add(new ConfigProblem(idKey, "store \"" + trimmed + "\" is declared twice"));
                    continue;
                }
                checkWooSettings(prefix + "woocommerce.", woo);
                stores.add(new StoreConfig(trimmed, woo));
            }
            return stores;
        }

        private void checkWooSettings(String prefix, Map<String, String> woo) {
            if (wooDescriptor == null) {
                String url = woo.get("url");
                if (url == null || url.isBlank()) {
                    problems.add(new ConfigProblem(prefix + "url", "is required: the WooCommerce store's home URL"));
                } else {
                    check(prefix + "url", url, ConfigLoader::httpUrl);
                }
                boolean hasKey = woo.get("consumer-key") != null && !woo.get("consumer-key").isBlank();
                boolean hasSecret = woo.get("consumer-secret") != null && !woo.get("consumer-secret").isBlank();
                if (hasKey != hasSecret) {
                    String missing = hasKey ? "consumer-secret" : "consumer-key";
                    problems.add(new ConfigProblem(prefix + missing,
                            "is required when " + (hasKey ? "consumer-key" : "consumer-secret") + " is given"));
                }
                return;
            }
            try {
                wooDescriptor.validate(woo);
            } catch (InvalidSettingsException e) {
                for (SettingProblem p : e.problems()) {
                    problems.add(new ConfigProblem(prefix + p.setting(), p.message()));
                }
            }
        }

        private String text(ConfigKey key, String defaultValue) {
            String value = raw.remove(key.name());
            if (value == null || value.isBlank()) {
                return defaultValue;
            }
            return value.trim();
        }

        private Secret secret(ConfigKey key, int minLength) {
            String value = raw.remove(key.name());
            if (value == null || value.isEmpty()) {
                return null;
            }
            if (value.length() < minLength) {
                problems.add(new ConfigProblem(key.name(), "is too short" + from(key.name()) + ": use at least "
                        + minLength + " characters (or leave it out to have one generated)"));
                return null;
            }
            return Secret.of(value);
        }

        private <T> T secretValue(ConfigKey key, Function<String, T> parser) {
            String value = raw.remove(key.name());
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return parser.apply(value.trim());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(key.name(), "the value" + from(key.name()) + " " + e.getMessage()));
                return null;
            }
        }

        private <T> T value(ConfigKey key, String defaultValue, Function<String, T> parser) {
            String value = raw.remove(key.name());
            if (value == null || value.isBlank()) {
                return defaultValue == null ? null : parser.apply(defaultValue);
            }
            return check(key.name(), value.trim(), parser);
        }

        private <T> T check(String key, String value, Function<String, T> parser) {
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add(new ConfigProblem(key, "\"" + value + "\"" + from(key) + " " + e.getMessage()));
                return null;
            }
        }

        private String from(String key) {
            String source = origin.get(key);
            return source != null && source.startsWith(ConfigKey.ENV_PREFIX) ? " (from " + source + ")" : "";
        }

        private String suggestion(String unknown) {
            String generic = unknown.replaceFirst("^stores\\[\\d+]\\.", "stores[N].");
            String section = generic.contains(".") ? generic.substring(0, generic.lastIndexOf('.')) : "";
            List<String> siblings = ConfigKey.ALL.stream().map(ConfigKey::name)
                    .filter(n -> n.startsWith(section + ".") && n.lastIndexOf('.') == section.length())
                    .map(n -> n.substring(section.length() + 1))
                    .toList();
            return siblings.isEmpty() ? "" : " (known in " + section.replace("stores[N]", "a store") + ": "
                    + String.join(", ", siblings) + ")";
        }
    }

    // ---- value parsers (throw IllegalArgumentException / DateTimeException with the reason) --------------

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
