package com.golisto.sync.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the configuration's sources into one flat map of keys ({@code server.port},
 * {@code stores[0].woocommerce.url}) to texts: the YAML file, then every {@code GOLISTO_SYNC_*} environment
 * variable over it. Remembers where each key came from, so that messages can name the variable. Reports
 * unreadable files, unknown variables and sections of the wrong shape (a section given as a single value
 * or a list, {@code stores} given as anything but a list) as problems. A list or mapping where a single
 * value belongs is not a text: it is kept aside as a shape ({@code "a list"}, {@code "a mapping"}) for
 * {@link ConfigBinder}, which knows the type each key expects. A key that takes a list
 * ({@link ConfigKey#LISTS}) given a list of single values becomes one comma-separated text, as its environment
 * variable gives it. Checks no values.
 */
final class ConfigSources {
    private static final Pattern STORE_ENV = Pattern.compile("GOLISTO_SYNC_STORES_(\\d+)_(.+)");
    private static final String STORES = "stores";
    private static final int MAX_ECHOED_LENGTH = 40;

    /** A store's sections that hold a connector's settings: any name, each a single value. */
    private static final Set<String> SETTINGS_SECTIONS = Set.of("stores[N].woocommerce", "stores[N].shop.settings",
            "stores[N].marketplace.settings");
    /** The store variables' tails ({@code SHOP_SETTINGS_URL}) and the keys they name, before the setting. */
    private static final Map<String, String> STORE_ENV_SECTIONS = Map.of("WOOCOMMERCE_", "woocommerce.",
            "SHOP_SETTINGS_", "shop.settings.", "MARKETPLACE_SETTINGS_", "marketplace.settings.");

    private final Map<String, String> env;

    /**
     * @param env the environment
     */
    ConfigSources(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Fills {@code raw} with every key given a single value, {@code shapes} with every key given a list or
     * a mapping where a single value belongs ({@code "a list"}, {@code "a mapping"}), and {@code origin}
     * with the source of each (a file path or a variable).
     */
    void read(Optional<Path> file, Map<String, String> raw, Map<String, String> shapes, Map<String, String> origin,
              List<ConfigProblem> problems) {
        file.ifPresent(path -> readYaml(path, new Sink(raw, shapes, origin, problems, path.toString())));
        applyEnvironment(raw, shapes, origin, problems);
    }

    /** Where {@link #flatten} puts what it finds; {@code source} is the file path. */
    private record Sink(Map<String, String> raw, Map<String, String> shapes, Map<String, String> origin,
                        List<ConfigProblem> problems, String source) {
        void wrongType(String key, String expected, String found) {
            problems.add(new ConfigProblem(key, "expected " + expected + ", found " + found));
        }
    }

    private void readYaml(Path path, Sink sink) {
        String key = "config";
        JsonNode root;
        try {
            byte[] bytes = Files.readAllBytes(path);
            root = new YAMLMapper().readTree(bytes);
        } catch (NoSuchFileException e) {
            sink.problems().add(new ConfigProblem(key, "file " + path + " does not exist"));
            return;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            sink.problems().add(new ConfigProblem(key, "file " + path + " is not valid YAML" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("")));
            return;
        } catch (IOException e) {
            sink.problems().add(new ConfigProblem(key, "file " + path + " cannot be read: " + e.getMessage()));
            return;
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            sink.problems().add(new ConfigProblem(key, "file " + path + " must hold a mapping of sections (server, "
                    + "state, ...), not " + describe(root, false)));
            return;
        }
        flatten("", root, sink);
    }

    private void flatten(String prefix, JsonNode node, Sink sink) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue; // an empty value is no value: the default applies
            }
            if (key.equals(STORES)) {
                stores(value, sink);
            } else if (SETTINGS_SECTIONS.contains(generic(key))) {
                settings(key, value, sink);
            } else if (!children(key).isEmpty()) {
                if (value.isObject()) {
                    flatten(key, value, sink);
                } else {
                    sink.wrongType(key, "a section (a mapping of " + String.join(", ", children(key)) + ")",
                            describe(value, !holdsSecrets(key)));
                }
            } else if (value.isArray() && takesList(key) && holdsSingleValues(value)) {
                // the binder reads a list key as one comma-separated text, as its environment variable gives it
                List<String> items = new ArrayList<>();
                value.forEach(item -> {
                    if (!item.isNull()) {
                        items.add(item.asText());
                    }
                });
                sink.raw().put(key, String.join(",", items));
                sink.origin().put(key, sink.source());
            } else if (value.isContainerNode()) {
                sink.shapes().put(key, value.isArray()
                        ? takesList(key) ? "a list holding lists or mappings" : "a list"
                        : "a mapping");
                sink.origin().put(key, sink.source());
            } else {
                sink.raw().put(key, value.asText());
                sink.origin().put(key, sink.source());
            }
        }
    }

    /** A connector's settings: any name, each a single value; a list or mapping is kept as a shape. */
    private static void settings(String key, JsonNode section, Sink sink) {
        if (!section.isObject()) {
            sink.wrongType(key, "a mapping of the connector's settings (name: value)", describe(section, false));
            return;
        }
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            String setting = key + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isContainerNode()) {
                sink.shapes().put(setting, value.isArray() ? "a list" : "a mapping");
            } else {
                sink.raw().put(setting, value.asText());
            }
            sink.origin().put(setting, sink.source());
        }
    }

    private void stores(JsonNode value, Sink sink) {
        String store = "a mapping of " + String.join(", ", children("stores[0]"));
        if (!value.isArray()) {
            sink.wrongType(STORES, "a list of stores (each " + store + ")", describe(value, false));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemKey = "stores[" + i + "]";
            if (item.isObject()) {
                flatten(itemKey, item, sink);
            } else {
                sink.wrongType(itemKey, "a store (" + store + ")", describe(item, false));
            }
        }
    }

    /**
     * The names directly under a section ({@code server} has {@code host}, {@code port}, ...), in catalogue
     * order; empty when the key is no section.
     */
    private static Set<String> children(String key) {
        String generic = generic(key);
        Set<String> names = new LinkedHashSet<>();
        for (ConfigKey k : ConfigKey.ALL) {
            if (k.name().startsWith(generic + ".")) {
                String rest = k.name().substring(generic.length() + 1);
                names.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        return names;
    }

    private static boolean takesList(String key) {
        return ConfigKey.find(key).map(ConfigKey::takesList).orElse(false);
    }

    private static boolean holdsSingleValues(JsonNode list) {
        for (JsonNode item : list) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** Whether a secret key lies under this key: then a value found in its place is never repeated. */
    private static boolean holdsSecrets(String key) {
        String generic = generic(key);
        return generic.startsWith(STORES)
                || ConfigKey.ALL.stream().anyMatch(k -> k.secret() && k.name().startsWith(generic + "."));
    }

    private static String generic(String key) {
        return key.replaceFirst("^stores\\[\\d+]", "stores[N]");
    }

    /** What was found instead of the expected type: its YAML type and, when {@code echo}, its value. */
    static String describe(JsonNode value, boolean echo) {
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.asText();
        }
        if (value.isNumber()) {
            return echo ? "the number " + value.asText() : "a number";
        }
        if (!echo) {
            return "a text";
        }
        String text = value.asText();
        return "the text \"" + (text.length() > MAX_ECHOED_LENGTH ? text.substring(0, MAX_ECHOED_LENGTH) + "..." : text)
                + "\"";
    }

    void applyEnvironment(Map<String, String> raw, Map<String, String> shapes, Map<String, String> origin,
                          List<ConfigProblem> problems) {
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
            shapes.remove(key); // the variable replaces whatever the file had
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
        String store = "stores[" + index + "].";
        switch (rest) {
            case "ID" -> {
                return Optional.of(store + "id");
            }
            case "SHOP_CONNECTOR" -> {
                return Optional.of(store + "shop.connector");
            }
            case "MARKETPLACE_CONNECTOR" -> {
                return Optional.of(store + "marketplace.connector");
            }
            default -> {
                for (Map.Entry<String, String> section : STORE_ENV_SECTIONS.entrySet()) {
                    if (rest.startsWith(section.getKey()) && rest.length() > section.getKey().length()) {
                        String setting = rest.substring(section.getKey().length()).toLowerCase(Locale.ROOT)
                                .replace('_', '-');
                        return Optional.of(store + section.getValue() + setting);
                    }
                }
                return Optional.empty();
            }
        }
    }
}
