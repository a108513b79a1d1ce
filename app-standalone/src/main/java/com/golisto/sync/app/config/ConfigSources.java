package com.golisto.sync.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
 * unreadable files and unknown variables as problems; checks no values.
 */
final class ConfigSources {
    private static final Pattern STORE_ENV = Pattern.compile("GOLISTO_SYNC_STORES_(\\d+)_(.+)");

    private final Map<String, String> env;
    private final Set<String> wooSettingNames;

    /**
     * @param env the environment
     * @param wooSettingNames the settings a store's {@code woocommerce} section may have
     */
    ConfigSources(Map<String, String> env, Set<String> wooSettingNames) {
        this.env = env;
        this.wooSettingNames = wooSettingNames;
    }

    /** Fills {@code raw} with every key and {@code origin} with its source (a file path or a variable). */
    void read(Optional<Path> file, Map<String, String> raw, Map<String, String> origin, List<ConfigProblem> problems) {
        file.ifPresent(path -> readYaml(path, raw, origin, problems));
        applyEnvironment(raw, origin, problems);
    }

    static void readYaml(Path path, Map<String, String> raw, Map<String, String> origin,
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

    void applyEnvironment(Map<String, String> raw, Map<String, String> origin, List<ConfigProblem> problems) {
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
            if (wooSettingNames.contains(setting)) {
                return Optional.of("stores[" + index + "].woocommerce." + setting);
            }
        }
        return Optional.empty();
    }
}
