package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.ProductRoutes;
import com.golisto.sync.app.admin.Views;
import com.golisto.sync.app.config.AdminTokens;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.wiring.Runner;
import com.golisto.sync.core.SyncMode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the store commands do, wherever the state lives: on the state store opened by this process
 * ({@link LocalOperations}), or through the admin API of a runner that is serving on it
 * ({@link RemoteOperations}; an embedded HSQLDB file database admits one process only).
 */
interface Operations extends AutoCloseable {
    /** Every store. */
    List<Views.Store> stores();

    /** One store with its last runs, counts and dead letters. */
    Views.StoreDetail store(String id);

    /** Registers a store. */
    Views.Store add(String id, Map<String, String> wooSettings);

    /** The link the merchant opens next: Golisto's connect page, or first the shop's key authorization. */
    Views.ConnectLink connect(String id) throws InterruptedException;

    /** The store's connection status (asked of Golisto when local; as the serving runner last saw it when remote). */
    Views.Store status(String id) throws InterruptedException;

    /** Starts a catalog pass. */
    long startSync(String id, SyncMode mode);

    /** Starts a dry run of a store's full pass (nothing written). */
    long startDryRun(String id);

    /** The report of a store's latest dry run; {@link CommandFailedException} when there is none. */
    Views.DryRun dryRunReport(String id);

    /** A run as it stands, waiting up to {@code wait} for it to finish. */
    Views.Run awaitRun(long runId, Duration wait) throws InterruptedException;

    /** Disconnects a store. */
    Views.Store disconnect(String id) throws InterruptedException;

    /** Removes a store: disconnects it, then deletes all its data. */
    void remove(String id) throws InterruptedException;

    /**
     * A store's runs, newest first, at most {@code limit}.
     *
     * @param kind only runs of this kind (lower case, as the API writes it); null for all
     * @param status only runs with this status; null for all
     * @param since only runs started at or after this instant; null for all
     */
    List<Views.Run> runs(String id, @Nullable String kind, @Nullable String status, @Nullable Instant since,
                         int limit);

    /** Every dead letter. */
    List<Views.DeadLetter> deadLetters();

    /** Replays one dead letter. */
    Views.Run replay(long deadLetterId) throws InterruptedException;

    /** Why a shop product is (not) on Golisto. */
    ProductRoutes.Explanation explain(String id, String productId) throws InterruptedException;

    /** Where the operations go, for messages. */
    String where();

    @Override
    void close();

    /**
     * Opens the configured state store, or, when a serving runner holds it, that runner's admin API.
     *
     * @param config the configuration
     * @param onToken told about the admin token (to print a generated one)
     * @param err where to say that a serving runner is used
     */
    static Operations open(RunnerConfig config, Consumer<AdminTokens.Resolved> onToken, PrintWriter err) {
        Path dataDir = config.state().dataDir();
        if (config.state().embedded()) {
            // asking first spares HSQLDB's lock-file wait (several seconds) when a runner holds the database
            Optional<RemoteOperations> remote = RemoteOperations.find(config);
            if (remote.isPresent()) {
                say(err, remote.get());
                return remote.get();
            }
            err.println("No runner is serving the data folder " + dataDir + "; opening its state store directly.");
            err.flush();
        }
        try {
            Runner runner = Runner.create(config, null, false);
            onToken.accept(runner.adminToken());
            return new LocalOperations(runner);
        } catch (RuntimeException e) {
            if (!StateStoreLock.isLocked(e)) {
                throw e;
            }
            // a runner may have started serving meanwhile
            Optional<RemoteOperations> remote = RemoteOperations.find(config);
            if (remote.isPresent()) {
                say(err, remote.get());
                return remote.get();
            }
            throw new CommandFailedException("the state store in " + dataDir + " is in use by another process, and no"
                    + " runner serving this data folder answers (a runner still starting, or another command?)");
        }
    }

    private static void say(PrintWriter err, RemoteOperations remote) {
        err.println("The state store is in use by a serving runner; going through its admin API at "
                + remote.where() + ".");
        err.flush();
    }
}
