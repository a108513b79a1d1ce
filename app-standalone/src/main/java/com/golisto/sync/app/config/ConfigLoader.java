package com.golisto.sync.app.config;

import com.golisto.sync.api.spi.ConnectorDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads the runner's configuration: the YAML file (when there is one), then every {@code GOLISTO_SYNC_*}
 * environment variable over it, then checks every key and fills in defaults. All problems are collected
 * and reported together, each naming its key ({@link InvalidConfigException}); values of secret keys are
 * never repeated in messages. The steps are {@link ConfigSources} (reading), {@link ConfigBinder} (binding
 * each section) and {@link ConfigValues} (checking each value).
 *
 * <p>Stateless apart from its inputs; thread-safe.
 */
public final class ConfigLoader {
    private static final Set<String> DEFAULT_WOO_SETTINGS = Set.of("url", "consumer-key", "consumer-secret");

    private final Map<String, String> env;
    private final @Nullable ConnectorDescriptor wooDescriptor;

    private ConfigLoader(Map<String, String> env, @Nullable ConnectorDescriptor wooDescriptor) {
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
    public Optional<Path> configFile(@Nullable Path fromCommandLine) {
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
        Map<String, String> shapes = new LinkedHashMap<>();
        Map<String, String> origin = new LinkedHashMap<>();
        Set<String> wooSettings = wooSettingNames();
        new ConfigSources(env, wooSettings).read(file, raw, shapes, origin, problems);
        RunnerConfig config = new ConfigBinder(raw, shapes, origin, problems, wooDescriptor, wooSettings).bind();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return Objects.requireNonNull(config, "bound without problems");
    }

    private Set<String> wooSettingNames() {
        if (wooDescriptor == null) {
            return DEFAULT_WOO_SETTINGS;
        }
        Set<String> names = new TreeSet<>(DEFAULT_WOO_SETTINGS);
        wooDescriptor.settings().forEach(s -> names.add(s.name()));
        return names;
    }
}
