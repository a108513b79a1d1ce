package com.golisto.sync.core.connectors;

import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connector providers the engine can use, by id. Built once at start, from {@link ServiceLoader}
 * ({@link #load()}, {@link #load(ClassLoader)}, {@link #load(ModuleLayer)}) or from an explicit list
 * ({@link #of(List)}); every way refuses two providers with the same id, and a provider with a
 * {@linkplain #problems(ConnectorProvider) problem}: no descriptor, an {@code id()} that differs from its
 * {@code descriptor().id()}, or an SPI version this engine does not {@linkplain SpiVersion#supports support}.
 *
 * <p>Immutable and thread-safe. Descriptors are read once, when the registry is built.
 */
public final class ConnectorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectorRegistry.class);

    private final Map<String, ConnectorProvider> providers;
    private final Map<String, ConnectorDescriptor> descriptors;

    private ConnectorRegistry(List<? extends ConnectorProvider> found) {
        Map<String, ConnectorProvider> byId = new TreeMap<>();
        Map<String, ConnectorDescriptor> descriptorsById = new TreeMap<>();
        for (ConnectorProvider provider : found) {
            Objects.requireNonNull(provider, "provider");
            List<String> problems = problems(provider);
            if (!problems.isEmpty()) {
                throw new ConnectorRegistryException("connector provider " + provider.getClass().getName() + " ("
                        + origin(provider) + ") cannot be loaded: " + String.join("; ", problems));
            }
            String id = provider.id();
            ConnectorDescriptor descriptor = provider.descriptor();
            ConnectorProvider previous = byId.putIfAbsent(id, provider);
            if (previous != null) {
                throw new ConnectorRegistryException("two connector providers have the id '" + id + "': "
                        + previous.getClass().getName() + " (" + origin(previous) + ") and "
                        + provider.getClass().getName() + " (" + origin(provider)
                        + "); remove one of them from the module path or class path");
            }
            descriptorsById.put(id, descriptor);
        }
        this.providers = Collections.unmodifiableMap(byId);
        this.descriptors = Collections.unmodifiableMap(descriptorsById);
    }

    /**
     * What keeps a provider from being loaded, one sentence each; empty when it can be. A provider that
     * throws while describing itself has that as its problem.
     */
    public static List<String> problems(ConnectorProvider provider) {
        Objects.requireNonNull(provider, "provider");
        List<String> problems = new ArrayList<>();
        try {
            String id = provider.id();
            ConnectorDescriptor descriptor = provider.descriptor();
            if (descriptor == null) {
                return List.of("it has no descriptor");
            }
            if (!descriptor.id().equals(id)) {
                problems.add("it says its id is '" + id + "' but its descriptor says '" + descriptor.id() + "'");
            }
            if (!SpiVersion.supports(descriptor.spiVersion())) {
                problems.add("it was built for connector SPI " + descriptor.spiVersion() + " and this engine implements "
                        + SpiVersion.CURRENT + " (a connector must be built for the same major version and no newer"
                        + " minor version)");
            }
        } catch (RuntimeException | LinkageError e) {
            problems.add("describing itself failed: " + e);
        }
        return problems;
    }

    /**
     * The providers visible to the context class loader: named modules that {@code provides} the service
     * (module path) and {@code META-INF/services} entries (class path).
     *
     * @throws ConnectorRegistryException if a provider cannot be loaded or ids clash
     */
    public static ConnectorRegistry load() {
        return discover(ServiceLoader.load(ConnectorProvider.class), "the module and class path");
    }

    /** The providers visible to a class loader (e.g. one over a plugin directory). */
    public static ConnectorRegistry load(ClassLoader loader) {
        Objects.requireNonNull(loader, "loader");
        return discover(ServiceLoader.load(ConnectorProvider.class, loader), "class loader " + loader.getName());
    }

    /** The providers in a module layer (e.g. one built over a plugin directory) and its parents. */
    public static ConnectorRegistry load(ModuleLayer layer) {
        Objects.requireNonNull(layer, "layer");
        return discover(ServiceLoader.load(layer, ConnectorProvider.class), "a module layer");
    }

    /** Exactly these providers (e.g. built by the host, or in tests). */
    public static ConnectorRegistry of(List<? extends ConnectorProvider> providers) {
        Objects.requireNonNull(providers, "providers");
        return new ConnectorRegistry(List.copyOf(providers));
    }

    private static ConnectorRegistry discover(ServiceLoader<ConnectorProvider> loader, String where) {
        List<ConnectorProvider> found = new ArrayList<>();
        try {
            for (ConnectorProvider provider : loader) {
                found.add(provider);
            }
        } catch (ServiceConfigurationError e) {
            throw new ConnectorRegistryException("cannot load a connector provider from " + where + ": "
                    + e.getMessage(), e);
        }
        ConnectorRegistry registry = new ConnectorRegistry(found);
        LOG.info("Connectors found on {}: {}", where, registry.providers.isEmpty() ? "none" : registry.ids());
        return registry;
    }

    /** The ids of every provider, sorted. */
    public Set<String> ids() {
        return providers.keySet();
    }

    /** The provider with this id. */
    public Optional<ConnectorProvider> provider(String id) {
        return Optional.ofNullable(providers.get(Objects.requireNonNull(id, "id")));
    }

    /**
     * The provider with this id.
     *
     * @throws UnknownConnectorException listing the installed ids
     */
    public ConnectorProvider requireProvider(String id) {
        return provider(id).orElseThrow(() -> new UnknownConnectorException(id, ids()));
    }

    /** The descriptor of the provider with this id. */
    public Optional<ConnectorDescriptor> descriptor(String id) {
        return Optional.ofNullable(descriptors.get(Objects.requireNonNull(id, "id")));
    }

    private ConnectorDescriptor requireDescriptor(String id) {
        return descriptor(id).orElseThrow(() -> new UnknownConnectorException(id, ids()));
    }

    /**
     * The provider with this id, checked to be able to take the role.
     *
     * @throws UnknownConnectorException listing the installed ids
     * @throws ConnectorRegistryException naming the connector's roles when it cannot take this one
     */
    public ConnectorProvider requireRole(String id, ConnectorRole role) {
        Objects.requireNonNull(role, "role");
        ConnectorDescriptor descriptor = requireDescriptor(id);
        if (!descriptor.hasRole(role)) {
            String has = descriptor.roles().stream().map(ConnectorRole::label).collect(Collectors.joining(" and "));
            throw new ConnectorRegistryException("connector '" + id + "' is a " + has + " connector; it cannot be a"
                    + " store's " + role.label() + " (a " + role.label() + " connector declares "
                    + role.definingCapability() + ")");
        }
        return requireProvider(id);
    }

    /** Every provider's descriptor, sorted by id. */
    public List<ConnectorDescriptor> descriptors() {
        return List.copyOf(descriptors.values());
    }

    /**
     * The names of the settings a connector declares secret: the state store seals their values.
     *
     * @throws UnknownConnectorException if no provider has the id
     */
    public Set<String> secretSettingNames(String id) {
        Set<String> names = new java.util.TreeSet<>();
        requireDescriptor(id).settings().stream().filter(SettingSpec::secret).forEach(spec -> names.add(spec.name()));
        return Collections.unmodifiableSet(names);
    }

    /**
     * Validates raw settings for a connector without opening it.
     *
     * @throws UnknownConnectorException if no provider has the id
     * @throws InvalidSettingsException listing every problem at once
     */
    public Settings validate(String id, Map<String, String> rawSettings) {
        return requireDescriptor(id).validate(rawSettings);
    }

    /**
     * Validates raw settings, then opens a connector for one store.
     *
     * @param rawSettings setting name to raw text, e.g. from {@code StateStore.settings().load}
     * @throws UnknownConnectorException if no provider has the id
     * @throws InvalidSettingsException listing every problem at once (nothing is opened)
     */
    public Connector open(String id, Map<String, String> rawSettings, ConnectorContext context) {
        Objects.requireNonNull(context, "context");
        Settings settings = validate(id, rawSettings);
        ConnectorProvider provider = requireProvider(id);
        Connector connector = provider.open(settings, context);
        if (connector == null) {
            throw new ConnectorRegistryException("connector provider " + provider.getClass().getName()
                    + " opened no connector for store " + context.storeId());
        }
        List<String> mismatches = Capabilities.mismatches(provider.descriptor(), connector);
        if (!mismatches.isEmpty()) {
            connector.close();
            throw new ConnectorRegistryException("connector " + id + " for store " + context.storeId()
                    + " does not offer what it declares: " + String.join("; ", mismatches));
        }
        return connector;
    }

    private static String origin(ConnectorProvider provider) {
        Module module = provider.getClass().getModule();
        if (module.isNamed()) {
            return "module " + module.getName();
        }
        var source = provider.getClass().getProtectionDomain().getCodeSource();
        return source == null || source.getLocation() == null ? "class path" : source.getLocation().toString();
    }

    @Override
    public String toString() {
        return "ConnectorRegistry" + ids();
    }
}
