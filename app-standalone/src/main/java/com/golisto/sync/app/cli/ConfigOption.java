package com.golisto.sync.app.cli;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/** The {@code --config} option every command accepts. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "The YAML configuration file (default: $GOLISTO_SYNC_CONFIG, else built-in defaults"
                    + " and GOLISTO_SYNC_* environment variables).")
    @Nullable Path file;
}
