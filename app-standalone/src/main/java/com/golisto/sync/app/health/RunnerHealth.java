package com.golisto.sync.app.health;

import com.golisto.sync.app.plugins.Plugins;
import com.golisto.sync.core.EngineHealth;
import com.golisto.sync.core.HealthCheck;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The runner's readiness: the engine's checks ({@link SyncEngine#health()}: the state store's write probe, each
 * approved store's passes, webhooks and order polls) followed by the runner's {@value #DISK_SPACE} check of the
 * data folder. Cheap: the engine caches its answer for a few seconds and reads no remote; the disk check is one
 * file-store query. Thread-safe.
 */
public final class RunnerHealth {
    /** The runner's own check: free space in the data folder's file store. */
    public static final String DISK_SPACE = "disk_space";
    /** The runner's check of a store whose connector is not installed (e.g. its plugin failed to load). */
    public static final String CONNECTORS = "connectors";

    private final SyncEngine engine;
    private final Path dataDir;
    private final long minFreeBytes;
    private final FreeSpace freeSpace;
    private final Plugins plugins;
    private final Set<String> installed;
    private final boolean checksConnectors;

    /**
     * @param engine asked for its checks
     * @param dataDir the data folder (embedded database, master key)
     * @param minFreeBytes the least free space the folder's file store must have; 0 turns the disk check off
     * @param freeSpace how free space is measured ({@link FreeSpace#OF_FILE_STORE} outside tests)
     */
    public RunnerHealth(SyncEngine engine, Path dataDir, long minFreeBytes, FreeSpace freeSpace) {
        this(engine, dataDir, minFreeBytes, freeSpace, Plugins.none(dataDir), null);
    }

    /**
     * @param engine asked for its checks
     * @param dataDir the data folder (embedded database, master key)
     * @param minFreeBytes the least free space the folder's file store must have; 0 turns the disk check off
     * @param freeSpace how free space is measured ({@link FreeSpace#OF_FILE_STORE} outside tests)
     * @param plugins what the plugins folder gave, shown with the checks
     * @param installed the installed connectors' ids: a store naming another fails its {@value #CONNECTORS}
     *     check; {@code null} checks none
     */
    public RunnerHealth(SyncEngine engine, Path dataDir, long minFreeBytes, FreeSpace freeSpace, Plugins plugins,
                        @Nullable Set<String> installed) {
        this.plugins = Objects.requireNonNull(plugins, "plugins");
        this.installed = installed == null ? Set.of() : Set.copyOf(installed);
        this.checksConnectors = installed != null;
        this.engine = Objects.requireNonNull(engine, "engine");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.freeSpace = Objects.requireNonNull(freeSpace, "freeSpace");
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minFreeBytes must not be negative");
        }
        this.minFreeBytes = minFreeBytes;
    }

    /** Every check now; ready when none fails. Never throws. */
    public EngineHealth current() {
        EngineHealth engineHealth = engine.health();
        List<HealthCheck> more = new ArrayList<>(connectors());
        if (minFreeBytes != 0) {
            more.add(disk());
        }
        return more.isEmpty() ? engineHealth : engineHealth.with(more);
    }

    /** What the plugins folder gave: loaded plugins with their connectors, failed ones with why. */
    public Plugins plugins() {
        return plugins;
    }

    /**
     * A failing check for each store whose shop or marketplace connector is not installed; nothing for the others,
     * so that a failed plugin no store needs leaves the runner ready.
     */
    private List<HealthCheck> connectors() {
        if (!checksConnectors) {
            return List.of();
        }
        List<HealthCheck> checks = new ArrayList<>();
        List<StoreView> stores;
        try {
            stores = engine.stores();
        } catch (RuntimeException e) {
            return List.of(); // the state store's own check says why
        }
        for (StoreView store : stores) {
            for (String id : List.of(store.shopConnectorId(), store.marketplaceConnectorId())) {
                if (!installed.contains(id)) {
                    checks.add(HealthCheck.fail(CONNECTORS, store.id(), "store " + store.id() + " needs connector '"
                            + id + "', which is not installed", plugins.failed().isEmpty() ? "no plugin failed"
                            : "failed plugins: " + plugins.failed().stream().map(f -> f.name() + " (" + f.reason()
                            + ")").collect(Collectors.joining("; "))));
                    break;
                }
            }
        }
        return checks;
    }

    private HealthCheck disk() {
        long free;
        try {
            free = freeSpace.usableBytes(dataDir);
        } catch (IOException | RuntimeException e) {
            return HealthCheck.fail(DISK_SPACE, null, "the data folder's free space cannot be read", e.toString());
        }
        String figures = mib(free) + " free, at least " + mib(minFreeBytes) + " required";
        if (free < minFreeBytes) {
            return HealthCheck.fail(DISK_SPACE, null, "the data folder's disk is (nearly) full: " + figures,
                    "data folder " + dataDir.toAbsolutePath());
        }
        return HealthCheck.pass(DISK_SPACE, null, "the data folder's disk has room: " + figures);
    }

    private static String mib(long bytes) {
        return (bytes / (1024 * 1024)) + " MiB";
    }
}
