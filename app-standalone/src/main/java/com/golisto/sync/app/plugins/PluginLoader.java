package com.golisto.sync.app.plugins;

import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.SpiVersion;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the plugins folder: each subfolder is one plugin, whose jars are resolved ({@link ModuleFinder#of},
 * {@link Configuration#resolveAndBind}) into a module layer of their own, with one class loader, whose parent is the
 * layer holding the engine's SPI. Its connectors are the {@link ConnectorProvider}s of modules in that layer. A
 * plugin that cannot be used (no jar, a jar that is no module, a module it requires missing, a connector that cannot
 * be instantiated, an SPI version the engine does not support ({@link SpiVersion#supports}), a connector id already taken by a built-in connector
 * or an earlier plugin) is reported with its reason, logged, and skipped; the others are loaded. Plugins are read in
 * folder-name order, so which of two plugins claiming one id wins is stable. Thread-safe; stateless.
 */
public final class PluginLoader {
    private static final Logger LOG = LoggerFactory.getLogger(PluginLoader.class);
    private static final String SPI_MODULE = ConnectorProvider.class.getModule().getName();

    private final ModuleLayer parent;
    private final ClassLoader parentLoader;

    /** A loader whose plugins' layers have the SPI's layer (the boot layer when it is not in a named layer) as parent. */
    public PluginLoader() {
        this(spiLayer(), spiLoader());
    }

    /**
     * @param parent the layer the plugins' layers descend from; it must hold the SPI module
     * @param parentLoader the parent of each plugin's class loader
     */
    PluginLoader(ModuleLayer parent, ClassLoader parentLoader) {
        this.parent = parent;
        this.parentLoader = parentLoader;
    }

    private static ModuleLayer spiLayer() {
        ModuleLayer layer = ConnectorProvider.class.getModule().getLayer();
        return layer != null ? layer : ModuleLayer.boot();
    }

    private static ClassLoader spiLoader() {
        ClassLoader loader = ConnectorProvider.class.getClassLoader();
        return loader != null ? loader : ClassLoader.getSystemClassLoader();
    }

    /** The built-in connectors: those on the runner's module path or class path ({@link ServiceLoader}). */
    public static List<ConnectorProvider> builtIns() {
        List<ConnectorProvider> providers = new ArrayList<>();
        ServiceLoader.load(ConnectorProvider.class).forEach(providers::add);
        return List.copyOf(providers);
    }

    /**
     * Loads every plugin of the folder.
     *
     * @param folder the plugins folder; when it does not exist there are no plugins
     * @param builtIns the connectors already installed: their ids cannot be taken by a plugin
     * @return the plugins loaded and those that failed
     */
    public Plugins load(Path folder, List<ConnectorProvider> builtIns) {
        if (!Files.isDirectory(folder)) {
            LOG.info("event=plugins_none folder={} (no such folder)", folder.toAbsolutePath());
            return Plugins.none(folder);
        }
        Map<String, String> taken = new LinkedHashMap<>();
        builtIns.forEach(p -> taken.put(p.id(), "the built-in connector"));
        List<Plugins.Loaded> loaded = new ArrayList<>();
        List<Plugins.Failed> failed = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the plugins folder " + folder.toAbsolutePath(), e);
        }
        for (Path entry : entries) {
            String name = String.valueOf(entry.getFileName());
            if (!Files.isDirectory(entry)) {
                if (name.endsWith(".jar")) {
                    fail(failed, name, entry, "a jar directly in the plugins folder is no plugin: put each plugin's"
                            + " jars in a folder of its own");
                }
                continue;
            }
            try {
                Plugins.Loaded plugin = loadOne(name, entry, taken);
                plugin.connectorIds().forEach(id -> taken.put(id, "plugin '" + name + "'"));
                loaded.add(plugin);
                LOG.info("event=plugin_loaded plugin={} folder={} connectors={} modules={}", name,
                        entry.toAbsolutePath(), plugin.connectorIds(), plugin.modules());
            } catch (PluginException e) {
                fail(failed, name, entry, e.reason());
            }
        }
        return new Plugins(folder, loaded, failed);
    }

    private static void fail(List<Plugins.Failed> failed, String name, Path folder, String reason) {
        LOG.warn("event=plugin_failed plugin={} folder={} reason=\"{}\" (its connectors are not installed; the other"
                + " plugins are)", name, folder.toAbsolutePath(), reason);
        failed.add(new Plugins.Failed(name, folder, reason));
    }

    private Plugins.Loaded loadOne(String name, Path folder, Map<String, String> taken) {
        List<Path> jars;
        try (Stream<Path> list = Files.list(folder)) {
            jars = list.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PluginException("its folder cannot be read: " + e.getMessage());
        }
        if (jars.isEmpty()) {
            throw new PluginException("it holds no jar");
        }
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<String> roots;
        try {
            roots = finder.findAll().stream().map(ModuleReference::descriptor).map(d -> d.name())
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (FindException e) {
            throw new PluginException("a jar is not a usable module: " + message(e));
        }
        if (roots.contains(SPI_MODULE)) {
            throw new PluginException("it bundles " + SPI_MODULE + ", which the runner provides: remove that jar");
        }
        ModuleLayer layer;
        try {
            Configuration cf = Configuration.resolveAndBind(finder, List.of(parent.configuration()), ModuleFinder.of(),
                    roots);
            layer = ModuleLayer.defineModulesWithOneLoader(cf, List.of(parent), parentLoader).layer();
        } catch (FindException | ResolutionException e) {
            throw new PluginException("its modules do not resolve: " + message(e));
        } catch (LayerInstantiationException e) {
            throw new PluginException("its module layer cannot be defined: " + message(e));
        }
        List<ConnectorProvider> providers = providers(layer);
        if (providers.isEmpty()) {
            throw new PluginException("it provides no connector: none of its modules declares 'provides "
                    + ConnectorProvider.class.getName() + " with ...'");
        }
        Map<String, ConnectorProvider> ids = new LinkedHashMap<>();
        for (ConnectorProvider provider : providers) {
            String id = check(provider);
            String owner = taken.get(id);
            if (owner != null) {
                throw new PluginException("connector id '" + id + "' is already taken by " + owner);
            }
            if (ids.put(id, provider) != null) {
                throw new PluginException("it provides connector id '" + id + "' twice");
            }
        }
        return new Plugins.Loaded(name, folder, List.copyOf(roots), providers);
    }

    /** The connectors of modules in this layer (not those of its parents: the built-in ones). */
    private static List<ConnectorProvider> providers(ModuleLayer layer) {
        List<ConnectorProvider> providers = new ArrayList<>();
        try {
            ServiceLoader.load(layer, ConnectorProvider.class).stream()
                    .filter(p -> p.type().getModule().getLayer() == layer)
                    .forEach(p -> providers.add(p.get()));
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new PluginException("its connector cannot be instantiated: " + message(e));
        }
        return providers;
    }

    /** The provider's id once it has a usable descriptor; a plugin exception says why not. */
    private static String check(ConnectorProvider provider) {
        String type = provider.getClass().getName();
        String id;
        ConnectorDescriptor descriptor;
        try {
            id = provider.id();
            descriptor = provider.descriptor();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginException("connector " + type + " fails to describe itself: " + message(e));
        }
        if (id == null || descriptor == null) {
            throw new PluginException("connector " + type + " has no " + (id == null ? "id" : "descriptor"));
        }
        if (!id.equals(descriptor.id())) {
            throw new PluginException("connector " + type + " has id '" + id + "' but its descriptor says '"
                    + descriptor.id() + "'");
        }
        // as the engine's connector registry checks it, so that a plugin it would refuse fails alone, not the engine
        if (!SpiVersion.supports(descriptor.spiVersion())) {
            throw new PluginException("connector '" + id + "' was built for connector SPI " + descriptor.spiVersion()
                    + " and this runner implements " + SpiVersion.CURRENT + " (a connector must be built for the same"
                    + " major version and no newer minor version)");
        }
        return id;
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
            text.append(": ").append(cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName());
        }
        return text.toString();
    }

    /** Why one plugin cannot be used. */
    private static final class PluginException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String reason;

        PluginException(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        String reason() {
            return reason;
        }
    }
}
