package com.golisto.sync.core.store;

import com.golisto.sync.core.UnknownStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Store work leases: which runner may work on a store, until when ({@code store_leases} table). Every
 * operation is a single conditional statement, atomic across runners sharing the database. Obtained from
 * {@link StateStore#leases()}. Thread-safe.
 */
public final class LeaseStore {

    private final Database db;

    LeaseStore(Database db) {
        this.db = db;
    }

    /**
     * Takes a store's work lease for {@code ttl} when nobody holds it, it expired, or this owner holds it
     * already (then it is extended). Atomic across runners sharing the database.
     *
     * @return whether this owner holds the lease now
     */
    public boolean tryAcquire(String storeId, String owner, Duration ttl) {
        Require.text(owner, "lease owner", Limits.NAME);
        Instant now = db.now();
        Instant expiresAt = now.plus(Database.positive(ttl));
        if (db.jdbi().withExtension(LeaseDao.class, d -> d.takeOver(storeId, owner, expiresAt, now)) == 1) {
            return true;
        }
        try {
            db.jdbi().useExtension(LeaseDao.class, d -> d.insert(storeId, owner, expiresAt));
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (Database.isUniqueViolation(e)) {
                return false;
            }
            if (db.jdbi().withExtension(StoreDao.class, d -> d.count(storeId)) == 0) {
                throw new UnknownStoreException("no store with id " + storeId);
            }
            throw e;
        }
    }

    /**
     * Extends the lease this owner holds to now + {@code ttl}.
     *
     * @return false when this owner does not hold it (another runner took it over after it expired)
     */
    public boolean renew(String storeId, String owner, Duration ttl) {
        Objects.requireNonNull(owner, "owner");
        Instant expiresAt = db.now().plus(Database.positive(ttl));
        return db.jdbi().withExtension(LeaseDao.class, d -> d.renew(storeId, owner, expiresAt)) == 1;
    }

    /** Gives up the lease if this owner holds it; whether it did. */
    public boolean release(String storeId, String owner) {
        Objects.requireNonNull(owner, "owner");
        return db.jdbi().withExtension(LeaseDao.class, d -> d.release(storeId, owner)) == 1;
    }

    /** Who holds a store's lease (possibly expired). */
    public Optional<Lease> find(String storeId) {
        return db.jdbi().withExtension(LeaseDao.class, d -> d.find(storeId));
    }
}
