package com.golisto.sync.app.plugins;

import com.golisto.sync.api.spi.ConnectorProvider;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the plugins folder gave: the plugins loaded, with their connectors, and those that failed, with why.
 *
 * @param folder the plugins folder
 * @param loaded the plugins whose connectors are installed, in folder-name order
 * @param failed the plugins that could not be used, in folder-name order
 */
public record Plugins(Path folder, List<Loaded> loaded, List<Failed> failed) {
    public Plugins {
        Objects.requireNonNull(folder, "folder");
        loaded = List.copyOf(loaded);
        failed = List.copyOf(failed);
    }

    /** No plugins: the folder does not exist. */
    public static Plugins none(Path folder) {
        return new Plugins(folder, List.of(), List.of());
    }

    /** The connectors of every loaded plugin. */
    public List<ConnectorProvider> providers() {
        List<ConnectorProvider> providers = new ArrayList<>();
        loaded.forEach(p -> providers.addAll(p.providers()));
        return List.copyOf(providers);
    }

    /**
     * A plugin whose connectors are installed.
     *
     * @param name the plugin's folder name
     * @param folder the plugin's folder
     * @param modules the names of the modules of its layer
     * @param providers its connectors, from its own layer
     */
    public record Loaded(String name, Path folder, List<String> modules, List<ConnectorProvider> providers) {
        public Loaded {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(folder, "folder");
            modules = List.copyOf(modules);
            providers = List.copyOf(providers);
        }

        /** Its connectors' ids. */
        public List<String> connectorIds() {
            return providers.stream().map(ConnectorProvider::id).toList();
        }
    }

    /**
     * A plugin that could not be used; none of its connectors is installed.
     *
     * @param name the plugin's folder name
     * @param folder the plugin's folder
     * @param reason why, in one sentence
     */
    public record Failed(String name, Path folder, String reason) {
        public Failed {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
