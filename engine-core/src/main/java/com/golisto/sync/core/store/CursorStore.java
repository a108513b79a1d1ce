package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Each store's named cursors: opaque positions in a remote's change feed (catalog modified-since, order
 * cursor; {@code cursors} table). Obtained from {@link StateStore#cursors()}. Thread-safe; each method is
 * one transaction.
 */
public final class CursorStore {

    private final Database db;

    CursorStore(Database db) {
        this.db = db;
    }

    /** A store's cursor by name (e.g. {@code catalog.modified-since}). */
    public Optional<String> find(String storeId, String name) {
        Objects.requireNonNull(name, "name");
        return db.jdbi().withExtension(CursorDao.class, d -> d.find(storeId, name));
    }

    /** Sets a store's cursor (names at most 100 characters, values at most 4000). */
    public void save(String storeId, String name, String value) {
        Require.text(name, "cursor name", Limits.NAME);
        Objects.requireNonNull(value, "cursor value");
        Require.maxLength(value, "cursor value", Limits.VALUE);
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            CursorDao dao = h.attach(CursorDao.class);
            if (dao.update(storeId, name, value, now) == 0) {
                dao.insert(storeId, name, value, now);
            }
        });
    }

    /** Removes a store's cursor (the next pass starts from the beginning); whether it existed. */
    public boolean delete(String storeId, String name) {
        return db.jdbi().withExtension(CursorDao.class, d -> d.delete(storeId, name)) > 0;
    }
}
