package com.golisto.sync.core.store;

import com.golisto.sync.core.UnknownStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Webhook delivery ids already handled, per store and source: de-duplication across restarts and runners
 * ({@code webhook_deliveries} table). Obtained from {@link StateStore#deliveries()}. Thread-safe; each
 * method is one transaction.
 */
public final class DeliveryStore {

    private final Database db;

    DeliveryStore(Database db) {
        this.db = db;
    }

    /**
     * Records a webhook delivery id; true only the first time it is seen for (store, source), also across
     * runners sharing the database.
     *
     * @param source where it came from, e.g. the connector id
     * @param deliveryKey the remote's delivery id; at most 255 characters
     */
    public boolean record(String storeId, String source, String deliveryKey) {
        Require.storeId(storeId);
        Require.text(source, "delivery source", Limits.KIND);
        Require.text(deliveryKey, "delivery key", Limits.ID);
        Instant now = db.now();
        try {
            db.jdbi().useExtension(DeliveryDao.class, d -> d.insert(storeId, source, deliveryKey, now));
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

    /** Forgets deliveries received before an instant; how many. */
    public int prune(Instant before) {
        Objects.requireNonNull(before, "before");
        return db.jdbi().withExtension(DeliveryDao.class, d -> d.deleteBefore(before));
    }

    /**
     * Forgets deliveries received before an instant, in transactions of at most {@code batchSize} rows, so a
     * big table is never locked for long; how many.
     */
    public int prune(Instant before, int batchSize) {
        Objects.requireNonNull(before, "before");
        Database.requirePositive(batchSize);
        int deleted = 0;
        List<DeliveryDao.DeliveryKey> keys;
        do {
            keys = db.jdbi().withExtension(DeliveryDao.class, d -> d.receivedBefore(before, batchSize));
            List<DeliveryDao.DeliveryKey> batch = keys;
            if (!batch.isEmpty()) {
                deleted += db.jdbi().inTransaction(h -> Database.sum(h.attach(DeliveryDao.class).delete(batch)));
            }
        } while (keys.size() == batchSize);
        return deleted;
    }
}
