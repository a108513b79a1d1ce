package com.golisto.sync.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * Intents: non-idempotent remote writes about to happen, recorded (and committed) before the write so a
 * restarted engine can find and resolve the half-done ones ({@code intents} table). At most one intent
 * per (store, kind, key) is open at a time. Obtained from {@link StateStore#intents()}. Thread-safe; each
 * method is one transaction.
 */
public final class IntentStore {

    private final Database db;

    IntentStore(Database db) {
        this.db = db;
    }

    /**
     * Records that a non-idempotent remote write is about to be made. Committed before it returns (on
     * HSQLDB with the default URL settings, on disk).
     *
     * @param kind what the write is, e.g. {@code CREATE_ORDER}
     * @param key what it is about, e.g. the marketplace order id
     * @param payload what recovery needs; at most 1,000,000 characters
     * @throws IntentAlreadyOpenException if an intent for the same (store, kind, key) is open
     */
    public Intent open(String storeId, String kind, String key, String payload) {
        return open(storeId, kind, key, payload, null);
    }

    private Intent open(String storeId, String kind, String key, String payload, @Nullable EntityKind doneWhenMapped) {
        Require.text(kind, "intent kind", Limits.KIND);
        Require.text(key, "intent key", Limits.ID);
        Objects.requireNonNull(payload, "payload");
        Require.maxLength(payload, "intent payload", Limits.PAYLOAD);
        Instant now = db.now();
        for (int attempt = 0; ; attempt++) {
            try {
                return db.jdbi().inTransaction(h -> {
                    Database.requireStore(h.attach(StoreDao.class), storeId);
                    IntentDao dao = h.attach(IntentDao.class);
                    Optional<Intent> open = dao.findOpen(storeId, kind, key);
                    if (open.isPresent()) {
                        throw new IntentAlreadyOpenException(open.get());
                    }
                    if (doneWhenMapped != null) {
                        Optional<Mapping> done = h.attach(MappingDao.class).find(storeId, doneWhenMapped, key)
                                .filter(m -> m.targetId() != null);
                        if (done.isPresent()) {
                            throw new IntentAlreadyDoneException(done.get());
                        }
                    }
                    long id = dao.insert(storeId, kind, key, payload, now);
                    return dao.find(id).orElseThrow();
                });
            } catch (UnableToExecuteStatementException e) {
                // another runner opened the same intent between the check and the insert
                if (!Database.isUniqueViolation(e) || attempt > 0) {
                    throw e;
                }
                Optional<Intent> open = findOpen(storeId, kind, key);
                if (open.isPresent()) {
                    throw new IntentAlreadyOpenException(open.get());
                }
            }
        }
    }

    /**
     * Completes an open intent.
     *
     * @param resultText what the write produced (e.g. the shop order id); null when nothing; at most 4000
     *     characters
     * @return false when the intent was not open (unknown or already completed)
     */
    public boolean complete(long id, @Nullable String resultText) {
        Require.optionalText(resultText, "intent result", Limits.VALUE);
        Instant now = db.now();
        return db.jdbi().withExtension(IntentDao.class, d -> d.complete(id, resultText, now)) == 1;
    }

    /**
     * Records that an attempt of the intent's write begins now. Committed before it returns, so that after
     * a crash {@link #attemptedWithin} knows how recent the last, possibly still running, attempt is.
     *
     * @return the intent as recorded
     * @throws IllegalStateException if the intent is not open
     */
    public Intent recordAttempt(long id) {
        Instant now = db.now();
        if (db.jdbi().withExtension(IntentDao.class, d -> d.attempted(id, now)) != 1) {
            throw new IllegalStateException("intent " + id + " is not open");
        }
        return find(id).orElseThrow();
    }

    /**
     * Claims the next attempt of the intent's write for the caller, in one conditional statement: granted only while
     * the intent is open and no attempt began less than {@code settleTime} ago. Of several nodes (or threads) asking at
     * once exactly one is granted; the others must not write. Committed before it returns, like
     * {@link #recordAttempt}.
     *
     * @param settleTime how long an attempt whose answer was lost may still be completing at the remote
     * @return whether the caller may make the attempt now
     */
    public boolean claimAttempt(long id, Duration settleTime) {
        Instant now = db.now();
        Instant settledBefore = now.minus(Objects.requireNonNull(settleTime, "settleTime"));
        return db.jdbi().withExtension(IntentDao.class, d -> d.claimAttempt(id, now, settledBefore)) == 1;
    }

    /**
     * {@link #open}, unless the write is known done: refused, in the same transaction as the insert, when the key
     * already has a mapping of {@code doneWhenMapped} with a target (e.g. the sale already has its shop order), so a
     * node that read "not done" before another node finished cannot start the write a second time.
     *
     * @throws IntentAlreadyOpenException if an intent for the same (store, kind, key) is open
     * @throws IntentAlreadyDoneException if the key is mapped already
     */
    public Intent openUnlessMapped(String storeId, String kind, String key, String payload, EntityKind doneWhenMapped) {
        Objects.requireNonNull(doneWhenMapped, "doneWhenMapped");
        return open(storeId, kind, key, payload, doneWhenMapped);
    }

    /** Whether the intent's latest attempt (or, before any, its opening) lies less than {@code window} back. */
    public boolean attemptedWithin(Intent intent, Duration window) {
        return db.now().isBefore(intent.lastActivity().plus(window));
    }

    /** An intent by id, open or completed. */
    public Optional<Intent> find(long id) {
        return db.jdbi().withExtension(IntentDao.class, d -> d.find(id));
    }

    /** The open intent for (store, kind, key). */
    public Optional<Intent> findOpen(String storeId, String kind, String key) {
        return db.jdbi().withExtension(IntentDao.class, d -> d.findOpen(storeId, kind, key));
    }

    /** A store's open intents, oldest first. */
    public List<Intent> listOpen(String storeId) {
        return db.jdbi().withExtension(IntentDao.class, d -> d.open(storeId));
    }

    /** Every open intent of every store, oldest first: what to resolve at start. */
    public List<Intent> listOpen() {
        return db.jdbi().withExtension(IntentDao.class, IntentDao::allOpen);
    }

    /** Deletes intents completed before an instant; how many. */
    public int prune(Instant completedBefore) {
        Objects.requireNonNull(completedBefore, "completedBefore");
        return db.jdbi().withExtension(IntentDao.class, d -> d.deleteCompleted(completedBefore));
    }
}
