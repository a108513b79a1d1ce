package com.golisto.sync.app.health;

import com.golisto.sync.core.EngineHealth;
import com.golisto.sync.core.HealthCheck;
import com.golisto.sync.core.SyncEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The runner's readiness: the engine's checks ({@link SyncEngine#health()}: the state store's write probe, each
 * approved store's passes, webhooks and order polls) followed by the runner's {@value #DISK_SPACE} check of the
 * data folder. Cheap: the engine caches its answer for a few seconds and reads no remote; the disk check is one
 * file-store query. Thread-safe.
 */
public final class RunnerHealth {
    /** The runner's own check: free space in the data folder's file store. */
    public static final String DISK_SPACE = "disk_space";

    private final SyncEngine engine;
    private final Path dataDir;
    private final long minFreeBytes;
    private final FreeSpace freeSpace;

    /**
     * @param engine asked for its checks
     * @param dataDir the data folder (embedded database, master key)
     * @param minFreeBytes the least free space the folder's file store must have; 0 turns the disk check off
     * @param freeSpace how free space is measured ({@link FreeSpace#OF_FILE_STORE} outside tests)
     */
    public RunnerHealth(SyncEngine engine, Path dataDir, long minFreeBytes, FreeSpace freeSpace) {
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
        return minFreeBytes == 0 ? engineHealth : engineHealth.with(List.of(disk()));
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
