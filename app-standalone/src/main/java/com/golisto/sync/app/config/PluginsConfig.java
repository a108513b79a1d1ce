package com.golisto.sync.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the runner's plugins are ({@code plugins.folder}): each subfolder of {@link #folder} is one plugin, its
 * jars loaded into a module layer of their own at start (docs/operations.md, "Plugins folder").
 *
 * @param folder the plugins folder
 * @param configured whether the folder was configured (then its absence is reported); the default folder may be
 *     absent, meaning no plugins
 */
public record PluginsConfig(Path folder, boolean configured) {
    /** The default folder, relative to the working directory. */
    public static final String DEFAULT_FOLDER = "plugins";

    public PluginsConfig {
        Objects.requireNonNull(folder, "folder");
    }

    /** The default: {@value #DEFAULT_FOLDER}, not configured. */
    public static PluginsConfig defaults() {
        return new PluginsConfig(Path.of(DEFAULT_FOLDER), false);
    }
}
