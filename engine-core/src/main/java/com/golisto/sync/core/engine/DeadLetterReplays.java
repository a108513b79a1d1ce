package com.golisto.sync.core.engine;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.store.DeadLetter;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The dead letters as the facade shows them, and replaying them: each replay is a {@code REPLAY} run of
 * the letter's store that re-reads the item and syncs it again (see {@link Pipelines#replay}). Only
 * approved stores are replayed. Thread-safe.
 */
final class DeadLetterReplays {

    private final StateStore store;
    private final Runs runs;
    private final Pipelines pipelines;
    private final Function<String, StoreRuntime> runtimes;
    private final Consumer<String> requireApproved;

    DeadLetterReplays(StateStore store, Runs runs, Pipelines pipelines, Function<String, StoreRuntime> runtimes,
            Consumer<String> requireApproved) {
        this.store = store;
        this.runs = runs;
        this.pipelines = pipelines;
        this.runtimes = runtimes;
        this.requireApproved = requireApproved;
    }

    /** Every dead letter, oldest first. */
    List<DeadLetterView> list() {
        return store.deadLetters().list().stream().map(DeadLetterReplays::view).toList();
    }

    /** Replays one letter and waits for the run. */
    RunView replay(long deadLetterId) throws InterruptedException {
        DeadLetter letter = store.deadLetters().find(deadLetterId)
                .orElseThrow(() -> new IllegalArgumentException("no dead letter " + deadLetterId));
        requireApproved.accept(letter.storeId());
        return runs.execute(runtimes.apply(letter.storeId()), RunKind.REPLAY, null, pipelines.replay(List.of(letter)));
    }

    /** Replays every letter of every approved store, one run per store, store by store. */
    List<RunView> replayAll() throws InterruptedException {
        Map<String, List<DeadLetter>> byStore = new LinkedHashMap<>();
        for (DeadLetter letter : store.deadLetters().list()) {
            byStore.computeIfAbsent(letter.storeId(), s -> new ArrayList<>()).add(letter);
        }
        List<RunView> replays = new ArrayList<>();
        for (Map.Entry<String, List<DeadLetter>> entry : byStore.entrySet()) {
            boolean approved = store.stores().find(entry.getKey()).map(StoreRecord::status)
                    .orElse(null) == ConnectionStatus.APPROVED;
            if (approved) {
                replays.add(runs.execute(runtimes.apply(entry.getKey()), RunKind.REPLAY, null,
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
