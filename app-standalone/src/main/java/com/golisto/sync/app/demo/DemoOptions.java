package com.golisto.sync.app.demo;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the demo runs.
 *
 * @param dataDir where the runner keeps its state (embedded database, master key, admin token)
 * @param products how many products the WooCommerce emulator starts with (some of them variable)
 * @param port the runner's HTTP port; 0 picks a free one
 * @param terminal whether output goes to a terminal (progress bar) or not (plain lines)
 */
public record DemoOptions(Path dataDir, int products, int port, boolean terminal) {
    public DemoOptions {
        Objects.requireNonNull(dataDir, "dataDir");
        if (products < 4 || products > 100_000) {
            throw new IllegalArgumentException("the demo catalog needs 4 to 100000 products, not " + products);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }
}
