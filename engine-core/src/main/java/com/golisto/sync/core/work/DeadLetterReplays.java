package com.golisto.sync.core.work;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.connection.Stores;
import com.golisto.sync.core.runs.Runs;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.DeadLetter;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dead letters as the facade shows them, and replaying them: each replay is a {@code REPLAY} run of
 * the letter's store that re-reads the item and syncs it again (see {@link Pipelines#replay}). Only
 * approved stores are replayed. Thread-safe.
 */
public final class DeadLetterReplays {

    private final StateStore store;
    private final Runs runs;
    private final Pipelines pipelines;
    private final StoreRuntimes runtimes;
    private final Stores stores;

    /** Replays through the runs, with the work the pipelines give. */
    public DeadLetterReplays(StateStore store, Runs runs, Pipelines pipelines, StoreRuntimes runtimes,
            Stores stores) {
        this.store = store;
        this.runs = runs;
        this.pipelines = pipelines;
        this.runtimes = runtimes;
        this.stores = stores;
    }

    /** Every dead letter, oldest first. */
    public List<DeadLetterView> list() {
        return store.deadLetters().list().stream().map(DeadLetterReplays::view).toList();
    }

    /** Replays one letter and waits for the run. */
    public RunView replay(long deadLetterId) throws InterruptedException {
        DeadLetter letter = store.deadLetters().find(deadLetterId)
                .orElseThrow(() -> new IllegalArgumentException("no dead letter " + deadLetterId));
        stores.requireApproved(letter.storeId());
        return runs.execute(runtimes.of(letter.storeId()), RunKind.REPLAY, pipelines.replay(List.of(letter)));
    }

    /** Replays every letter of every approved store, one run per store, store by store. */
    public List<RunView> replayAll() throws InterruptedException {
        Map<String, List<DeadLetter>> byStore = new LinkedHashMap<>();
        for (DeadLetter letter : store.deadLetters().list()) {
            byStore.computeIfAbsent(letter.storeId(), s -> new ArrayList<>()).add(letter);
        }
        List<RunView> replays = new ArrayList<>();
        for (Map.Entry<String, List<DeadLetter>> entry : byStore.entrySet()) {
            boolean approved = store.stores().find(entry.getKey()).map(StoreRecord::status)
                    .orElse(null) == ConnectionStatus.APPROVED;
            if (approved) {
                replays.add(runs.execute(runtimes.of(entry.getKey()), RunKind.REPLAY,
                        pipelines.replay(entry.getValue())));
            }
        }
        return replays;
    }

    private static DeadLetterView view(DeadLetter letter) {
        return new DeadLetterView(letter.id(), letter.storeId(), letter.kind(), letter.itemId(), letter.reason(),
                letter.payload(), letter.createdAt(), letter.attempts(), letter.replayedAt());
    }
}
