package com.golisto.sync.core.store;

import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.api.model.ConnectionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jspecify.annotations.Nullable;

/**
 * The stores the engine knows: their connectors, connection status, marketplace account and full-pass
 * generation ({@code stores} table). Obtained from {@link StateStore#stores()}. Thread-safe; each method is
 * one transaction.
 */
public final class StoreRecordStore {

    private final Database db;

    StoreRecordStore(Database db) {
        this.db = db;
    }

    /**
     * Creates a store, not connected yet ({@link ConnectionStatus#DISCONNECTED}).
     *
     * @throws StoreAlreadyExistsException if the id is taken
     */
    public StoreRecord create(String storeId, String shopConnector, String marketplaceConnector) {
        Require.storeId(storeId);
        Require.text(shopConnector, "shop connector id", Limits.NAME);
        Require.text(marketplaceConnector, "marketplace connector id", Limits.NAME);
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            StoreDao dao = h.attach(StoreDao.class);
            if (dao.count(storeId) > 0) {
                throw new StoreAlreadyExistsException(storeId);
            }
            try {
                dao.insert(storeId, shopConnector, marketplaceConnector, ConnectionStatus.DISCONNECTED, now);
            } catch (UnableToExecuteStatementException e) {
                throw Database.isUniqueViolation(e) ? new StoreAlreadyExistsException(storeId) : e;
            }
            return dao.find(storeId).orElseThrow();
        });
    }

    /** The store with this id. */
    public Optional<StoreRecord> find(String storeId) {
        return db.jdbi().withExtension(StoreDao.class, d -> d.find(storeId));
    }

    /** Every store, ordered by id. */
    public List<StoreRecord> list() {
        return db.jdbi().withExtension(StoreDao.class, StoreDao::list);
    }

    /**
     * The store connected under this marketplace account (connection) id. When several stores carry it
     * (which connecting should prevent), the first by id.
     */
    public Optional<StoreRecord> findByAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return db.jdbi().withExtension(StoreDao.class, d -> d.findByAccount(accountId)).stream().findFirst();
    }

    /**
     * Sets the connection status, account id and reason of a store, exactly as given.
     *
     * @param accountId the marketplace connection id; null clears it
     * @param reason why (shown to people); null clears it; cut to 2000 characters
     * @return the updated store
     */
    public StoreRecord updateConnection(String storeId, ConnectionStatus status, @Nullable String accountId,
            @Nullable String reason) {
        Objects.requireNonNull(status, "status");
        Require.optionalText(accountId, "account id", Limits.ID);
        String cut = Require.truncateOptional(reason, Limits.MESSAGE);
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            StoreDao dao = h.attach(StoreDao.class);
            if (dao.updateConnection(storeId, status, accountId, cut, now) == 0) {
                throw new UnknownStoreException("no store with id " + storeId);
            }
            return dao.find(storeId).orElseThrow();
        });
    }

    /**
     * Deletes a store and everything kept for it (settings, secrets, mappings, cursors, intents, dead
     * letters, runs, deliveries, lease).
     *
     * @return whether the store existed
     */
    public boolean delete(String storeId) {
        return db.jdbi().withExtension(StoreDao.class, d -> d.delete(storeId)) > 0;
    }

    /**
     * Starts a new full-pass generation for a store and returns it (1 for the first pass). Generations
     * only grow; see {@link MappingStore#markSeen} and {@link MappingStore#unseenBefore}.
     */
    public long nextGeneration(String storeId) {
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            StoreDao dao = h.attach(StoreDao.class);
            if (dao.incrementGeneration(storeId, now) == 0) {
                throw new UnknownStoreException("no store with id " + storeId);
            }
            return dao.generation(storeId);
        });
    }
}
