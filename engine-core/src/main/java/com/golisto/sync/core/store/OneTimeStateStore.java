package com.golisto.sync.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One-time states of the connect and credential-grant redirects ({@code one_time_states} table): only
 * their SHA-256 is stored. Obtained from {@link StateStore#states()}. Thread-safe; each method is one
 * transaction.
 */
public final class OneTimeStateStore {

    private final Database db;

    OneTimeStateStore(Database db) {
        this.db = db;
    }

    /**
     * Creates a one-time state for a store (the {@code state} of a connect or credential-grant redirect):
     * 256 random bits, URL-safe base64. Only its SHA-256 is stored. Expired states are purged here.
     *
     * @param purpose what it is for, e.g. {@code connect}; {@link #consume} must name the same
     * @param ttl how long it stays valid; positive
     */
    public String create(String storeId, String purpose, Duration ttl) {
        Require.text(purpose, "purpose", Limits.KIND);
        Database.positive(ttl);
        String state = OneTimeStates.newState();
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            OneTimeStateDao dao = h.attach(OneTimeStateDao.class);
            dao.deleteExpired(now);
            dao.insert(OneTimeStates.hash(state), storeId, purpose, now, now.plus(ttl));
        });
        return state;
    }

    /**
     * Uses a one-time state: the store it was created for, once, when it is unexpired and for this
     * purpose. Every later call with the same state, an expired one, an unknown one or one for another
     * purpose gets empty.
     */
    public Optional<String> consume(String state, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (state == null || state.isEmpty() || state.length() > 200) {
            return Optional.empty();
        }
        String hash = OneTimeStates.hash(state);
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            OneTimeStateDao dao = h.attach(OneTimeStateDao.class);
            return dao.use(hash, purpose, now) == 1 ? dao.storeId(hash) : Optional.<String>empty();
        });
    }

    /**
     * Deletes states used, or expired, before an instant, in transactions of at most {@code batchSize} rows;
     * how many.
     */
    public int prune(Instant before, int batchSize) {
        Objects.requireNonNull(before, "before");
        Database.requirePositive(batchSize);
        int deleted = 0;
        List<String> hashes;
        do {
            hashes = db.jdbi().withExtension(OneTimeStateDao.class, d -> d.spent(before, batchSize));
            List<String> batch = hashes;
            if (!batch.isEmpty()) {
                deleted += db.jdbi().inTransaction(h -> Database.sum(h.attach(OneTimeStateDao.class).delete(batch)));
            }
        } while (hashes.size() == batchSize);
        return deleted;
    }
}
