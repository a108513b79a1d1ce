package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Items the engine gave up on, with the reason and a payload, replayable ({@code dead_letters} table).
 * One letter per (store, kind, item): failing again counts up its attempts. Obtained from
 * {@link StateStore#deadLetters()}. Thread-safe; each method is one transaction.
 */
public final class DeadLetterStore {

    private final Database db;

    DeadLetterStore(Database db) {
        this.db = db;
    }

    /**
     * Records an item the engine gave up on. When the same (store, kind, item) is already dead-lettered,
     * that letter gets this reason and payload, one more attempt, and is pending again.
     *
     * @param reason why, for people; cut to 2000 characters
     * @param payload what a replay needs; at most 1,000,000 characters
     */
    public DeadLetter add(String storeId, String kind, String itemId, String reason, String payload) {
        Require.text(kind, "dead letter kind", Limits.KIND);
        Require.text(itemId, "item id", Limits.ID);
        String cut = Require.truncate(Objects.requireNonNull(reason, "reason"), Limits.MESSAGE);
        Objects.requireNonNull(payload, "payload");
        Require.maxLength(payload, "dead letter payload", Limits.PAYLOAD);
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            DeadLetterDao dao = h.attach(DeadLetterDao.class);
            if (dao.failAgain(storeId, kind, itemId, cut, payload) == 0) {
                dao.insert(storeId, kind, itemId, cut, payload, now);
            }
            return dao.find(storeId, kind, itemId).orElseThrow();
        });
    }

    /** Every dead letter, oldest first. */
    public List<DeadLetter> list() {
        return db.jdbi().withExtension(DeadLetterDao.class, DeadLetterDao::all);
    }

    /** A store's dead letters, oldest first. */
    public List<DeadLetter> list(String storeId) {
        return db.jdbi().withExtension(DeadLetterDao.class, d -> d.ofStore(storeId));
    }

    /** A dead letter by id. */
    public Optional<DeadLetter> find(long id) {
        return db.jdbi().withExtension(DeadLetterDao.class, d -> d.find(id));
    }

    /** Notes that a dead letter was replayed now; false when it does not exist. */
    public boolean markReplayed(long id) {
        Instant now = db.now();
        return db.jdbi().withExtension(DeadLetterDao.class, d -> d.markReplayed(id, now)) == 1;
    }

    /** Deletes a dead letter (e.g. after a successful replay); whether it existed. */
    public boolean delete(long id) {
        return db.jdbi().withExtension(DeadLetterDao.class, d -> d.delete(id)) == 1;
    }

    /**
     * Resolves the dead letters of these items (a later pass wrote them after all): they are deleted, as
     * after a successful replay. Items without a dead letter are ignored. One JDBC batch.
     *
     * @return how many dead letters were resolved
     */
    public int resolve(String storeId, String kind, Collection<String> itemIds) {
        Objects.requireNonNull(kind, "kind");
        List<String> ids = Database.distinct(itemIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return db.jdbi().inTransaction(h -> Database.sum(h.attach(DeadLetterDao.class).deleteItems(storeId, kind, ids)));
    }

    /**
     * Deletes dead letters last replayed before {@code replayedBefore} (a replay that did not get them through,
     * and no failure since) and those never replayed that were created before {@code pendingBefore}, in
     * transactions of at most {@code batchSize} rows; how many.
     */
    public int prune(Instant replayedBefore, Instant pendingBefore, int batchSize) {
        Objects.requireNonNull(replayedBefore, "replayedBefore");
        Objects.requireNonNull(pendingBefore, "pendingBefore");
        Database.requirePositive(batchSize);
        int deleted = 0;
        List<Long> ids;
        do {
            ids = db.jdbi().withExtension(DeadLetterDao.class, d -> d.expired(replayedBefore, pendingBefore, batchSize));
            List<Long> batch = ids;
            if (!batch.isEmpty()) {
                deleted += db.jdbi().inTransaction(h -> Database.sum(h.attach(DeadLetterDao.class).deleteAll(batch)));
            }
        } while (ids.size() == batchSize);
        return deleted;
    }
}
