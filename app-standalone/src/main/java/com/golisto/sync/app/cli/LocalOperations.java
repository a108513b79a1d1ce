package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.ProductRoutes;
import com.golisto.sync.app.admin.Views;
import com.golisto.sync.app.config.Registrations;
import com.golisto.sync.app.wiring.Runner;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunQuery;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.core.UnknownStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Operations} on the state store this process opened. */
final class LocalOperations implements Operations {
    private final Runner runner;
    private final SyncEngine engine;

    LocalOperations(Runner runner) {
        this.runner = runner;
        this.engine = runner.engine();
    }

    @Override
    public List<Views.Store> stores() {
        return engine.stores().stream().map(Views.Store::of).toList();
    }

    @Override
    public Views.StoreDetail store(String id) {
        StoreView store = require(id);
        List<DeadLetterView> letters = engine.deadLetters().stream().filter(d -> d.storeId().equals(id)).toList();
        return Views.StoreDetail.of(store, engine.recentRuns(id, 10), letters);
    }

    @Override
    public Views.Store add(String id, Map<String, String> wooSettings) {
        if (engine.store(id).isPresent()) {
            throw new CommandFailedException("store " + id + " already exists");
        }
        return Views.Store.of(engine.registerStore(Registrations.of(id, wooSettings, runner.config().golisto())));
    }

    @Override
    public Views.ConnectLink connect(String id) throws InterruptedException {
        StoreView store = require(id);
        return store.shopCredentialsPresent()
                ? new Views.ConnectLink(engine.beginConnect(id).toString(), "link_golisto")
                : new Views.ConnectLink(engine.beginCredentialGrant(id).toString(), "authorize_shop_keys");
    }

    @Override
    public Views.Store status(String id) throws InterruptedException {
        require(id);
        return Views.Store.of(engine.refreshStatus(id));
    }

    @Override
    public ProductRoutes.Explanation explain(String id, String productId) throws InterruptedException {
        require(id);
        return ProductRoutes.Explanation.of(engine.explain(id, productId));
    }

    @Override
    public long startSync(String id, SyncMode mode) {
        require(id);
        return engine.sync(id, mode).value();
    }

    @Override
    public long startDryRun(String id) {
        require(id);
        return engine.dryRun(id).value();
    }

    @Override
    public Views.DryRun dryRunReport(String id) {
        require(id);
        return Views.DryRun.of(engine.dryRunReport(id).orElseThrow(
                () -> new CommandFailedException("store " + id + " has no dry-run report yet")));
    }

    @Override
    public Views.Run awaitRun(long runId, Duration wait) throws InterruptedException {
        RunView run = engine.awaitRun(new RunId(runId), wait);
        return Views.Run.of(run);
    }

    @Override
    public Views.Store disconnect(String id) throws InterruptedException {
        require(id);
        return Views.Store.of(engine.disconnect(id));
    }

    @Override
    public void remove(String id) throws InterruptedException {
        require(id);
        engine.removeStore(id);
    }

    @Override
    public List<Views.Run> runs(String id, @Nullable String kind, @Nullable String status, @Nullable Instant since,
                                int limit) {
        require(id);
        RunKind k = kind == null ? null : RunKind.valueOf(kind.toUpperCase(Locale.ROOT));
        RunStatus st = status == null ? null : RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
        return engine.runs(id, new RunQuery(k, st, since, null, limit)).runs().stream().map(Views.Run::of).toList();
    }

    @Override
    public List<Views.DeadLetter> deadLetters() {
        return engine.deadLetters().stream().map(Views.DeadLetter::of).toList();
    }

    @Override
    public Views.Run replay(long deadLetterId) throws InterruptedException {
        if (engine.deadLetters().stream().noneMatch(d -> d.id() == deadLetterId)) {
            throw new CommandFailedException("there is no dead letter " + deadLetterId);
        }
        return Views.Run.of(engine.replayDeadLetter(deadLetterId));
    }

    @Override
    public String where() {
        return "the state store " + runner.config().state().jdbcUrlForDisplay();
    }

    @Override
    public void close() {
        runner.close();
    }

    private StoreView require(String id) {
        return engine.store(id).orElseThrow(() -> new UnknownStoreException("there is no store " + id
                + " (see 'stores list')"));
    }
}
