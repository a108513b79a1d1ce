package com.golisto.sync.app.config;

import com.golisto.sync.api.spi.ConnectorDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    private final Map<String, String> env;
    private final StoreConnectors connectors;

    private ConfigLoader(Map<String, String> env, StoreConnectors connectors) {
        this.env = Map.copyOf(env);
        this.connectors = connectors;
    }

    /**
     * A loader reading overrides from these environment variables.
     *
     * @param env the environment (usually {@link System#getenv()})
     */
    public static ConfigLoader create(Map<String, String> env) {
        return new ConfigLoader(env, new StoreConnectors(List.of()));
    }

    /**
     * A copy that also checks the stores naming these connectors: each connector's role (shop or marketplace)
     * and its settings against its own descriptor (unknown settings, missing required ones, values of the wrong
     * type). Stores naming other connectors are checked when the runner has read its plugins folder.
     */
    public ConfigLoader withConnectors(Collection<ConnectorDescriptor> descriptors) {
        return new ConfigLoader(env, new StoreConnectors(descriptors));
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
        new ConfigSources(env).read(file, raw, shapes, origin, problems);
        RunnerConfig config = new ConfigBinder(raw, shapes, origin, problems, connectors).bind();
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return Objects.requireNonNull(config, "bound without problems");
    }
}
