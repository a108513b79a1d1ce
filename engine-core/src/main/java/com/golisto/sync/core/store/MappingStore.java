package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Entity mappings, source id to target id, with fingerprints, full-pass generation and order version
 * ({@code entity_mappings} table). Batch-friendly: pages of ids are queried in chunks, each answered from
 * the primary key. Obtained from {@link StateStore#mappings()}. Thread-safe; each method is one
 * transaction.
 */
public final class MappingStore {

    private final Database db;

    MappingStore(Database db) {
        this.db = db;
    }

    /**
     * The mappings of these source ids that exist, by source id. Meant for pages of about 100 ids; any
     * number works (queried in chunks of 200, each answered from the primary key).
     */
    public Map<String, Mapping> findAll(String storeId, EntityKind kind, Collection<String> sourceIds) {
        Objects.requireNonNull(kind, "kind");
        List<String> ids = Database.distinct(sourceIds);
        Map<String, Mapping> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        db.jdbi().useHandle(h -> {
            MappingDao dao = h.attach(MappingDao.class);
            for (List<String> chunk : Database.chunks(ids)) {
                for (Mapping m : dao.find(keys(storeId, kind, chunk))) {
                    found.put(m.sourceId(), m);
                }
            }
        });
        return found;
    }

    /** The mapping of one source id. */
    public Optional<Mapping> find(String storeId, EntityKind kind, String sourceId) {
        Objects.requireNonNull(kind, "kind");
        return db.jdbi().withExtension(MappingDao.class, d -> d.find(storeId, kind, sourceId));
    }

    /** The mapping whose target id is this one (the first by source id if several are). */
    public Optional<Mapping> findByTarget(String storeId, EntityKind kind, String targetId) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetId, "targetId");
        return db.jdbi().withExtension(MappingDao.class, d -> d.findByTarget(storeId, kind, targetId)).stream()
                .findFirst();
    }

    /**
     * Inserts or replaces mappings, keyed by (store, kind, source id), in one transaction with JDBC
     * batches. {@code updatedAt} is set to now. When the list names the same key twice, the last wins.
     */
    public void upsert(List<Mapping> mappings) {
        Objects.requireNonNull(mappings, "mappings");
        if (mappings.isEmpty()) {
            return;
        }
        Map<MappingKey, Mapping> byKey = new LinkedHashMap<>();
        Set<String> storeIds = new LinkedHashSet<>();
        for (Mapping m : mappings) {
            byKey.put(new MappingKey(m.storeId(), m.kind(), m.sourceId()), m);
            storeIds.add(m.storeId());
        }
        List<MappingKey> keys = List.copyOf(byKey.keySet());
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            MappingDao dao = h.attach(MappingDao.class);
            StoreDao stores = h.attach(StoreDao.class);
            for (String storeId : storeIds) {
                Database.requireStore(stores, storeId);
            }
            for (List<MappingKey> chunk : Database.chunks(keys)) {
                Set<MappingKey> existing = new HashSet<>(dao.existing(chunk));
                List<Mapping> updates = new ArrayList<>();
                List<Mapping> inserts = new ArrayList<>();
                for (MappingKey key : chunk) {
                    (existing.contains(key) ? updates : inserts).add(byKey.get(key));
                }
                if (!updates.isEmpty()) {
                    dao.update(updates, now);
                }
                if (!inserts.isEmpty()) {
                    dao.insert(inserts, now);
                }
            }
        });
    }

    /**
     * The shop versions kept for these products, by source id: only products with a listing written (a fingerprint)
     * and a version kept.
     */
    public Map<String, SourceVersion> versions(String storeId, Collection<String> productIds) {
        List<String> ids = Database.distinct(productIds);
        Map<String, SourceVersion> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        db.jdbi().useHandle(h -> {
            MappingDao dao = h.attach(MappingDao.class);
            for (List<String> chunk : Database.chunks(ids)) {
                for (SourceVersion v : dao.versions(keys(storeId, EntityKind.PRODUCT, chunk))) {
                    found.put(v.sourceId(), v);
                }
            }
        });
        return found;
    }

    /**
     * Keeps the shop versions of these products with their mappings; products without a mapping are ignored. Call
     * only once what the version describes is written (or found unchanged): a later pass skips reading again a
     * product at that version.
     */
    public void saveVersions(String storeId, Collection<SourceVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        db.jdbi().useTransaction(h ->
                h.attach(MappingDao.class).saveVersions(storeId, EntityKind.PRODUCT, List.copyOf(versions)));
    }

    /**
     * Stamps the mappings of these source ids with a generation (a full pass saw them). Ids without a
     * mapping are ignored.
     *
     * @return how many mappings were stamped
     */
    public int markSeen(String storeId, EntityKind kind, Collection<String> sourceIds, long generation) {
        Objects.requireNonNull(kind, "kind");
        Require.notNegative(generation, "generation");
        List<String> ids = Database.distinct(sourceIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return db.jdbi().inTransaction(h ->
                Database.sum(h.attach(MappingDao.class).markSeen(storeId, kind, ids, generation)));
    }

    /**
     * Up to {@code limit} mappings whose generation is lower than {@code generation} (not seen by that
     * full pass), ordered by source id: after a complete pass, what to delete at the target. Call again
     * after deleting them (or after marking them seen) to get the next ones.
     */
    public List<Mapping> unseenBefore(String storeId, EntityKind kind, long generation, int limit) {
        Objects.requireNonNull(kind, "kind");
        Database.requirePositive(limit);
        return db.jdbi().withExtension(MappingDao.class, d -> d.unseenBefore(storeId, kind, generation, limit));
    }

    /**
     * Up to {@code limit} mappings ordered by source id, after {@code afterSourceId} (empty text for the
     * first page): walks every mapping of a kind.
     */
    public List<Mapping> pageAfter(String storeId, EntityKind kind, String afterSourceId, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(afterSourceId, "afterSourceId");
        Database.requirePositive(limit);
        return db.jdbi().withExtension(MappingDao.class, d -> d.page(storeId, kind, afterSourceId, limit));
    }

    /** Deletes the mappings of these source ids; how many existed. */
    public int delete(String storeId, EntityKind kind, Collection<String> sourceIds) {
        Objects.requireNonNull(kind, "kind");
        List<String> ids = Database.distinct(sourceIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return db.jdbi().inTransaction(h -> Database.sum(h.attach(MappingDao.class).delete(storeId, kind, ids)));
    }

    /**
     * A store starts a new marketplace connection: everything the engine believed about the previous one is
     * forgotten in one transaction. The product mappings go (listing ids and the fingerprints last written:
     * a new connection holds no listing until the engine writes it, so the first full pass writes every
     * product again, through the marketplace's idempotent upsert), and so do the store's cursors (positions
     * in the previous connection's order feed, the shop's changed-since cursor and any pass checkpoint: the
     * full pass that follows approval starts them afresh). Order mappings stay: they say which shop order
     * holds which marketplace sale, and keep a sale the new connection reports again from becoming a second
     * shop order.
     *
     * @return how many product mappings were forgotten
     */
    public int forgetMarketplaceSide(String storeId) {
        return db.jdbi().inTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            MappingDao dao = h.attach(MappingDao.class);
            dao.deleteCursors(storeId);
            return dao.deleteKind(storeId, EntityKind.PRODUCT);
        });
    }

    /** How many mappings of a kind a store has with a target id (for products: listings on the marketplace). */
    public long countMapped(String storeId, EntityKind kind) {
        Objects.requireNonNull(kind, "kind");
        return db.jdbi().withExtension(MappingDao.class, d -> d.countMapped(storeId, kind));
    }

    /** How many mappings of a kind a store has. */
    public long count(String storeId, EntityKind kind) {
        Objects.requireNonNull(kind, "kind");
        return db.jdbi().withExtension(MappingDao.class, d -> d.count(storeId, kind));
    }

    private static List<MappingKey> keys(String storeId, EntityKind kind, List<String> sourceIds) {
        return sourceIds.stream().map(id -> new MappingKey(storeId, kind, id)).toList();
    }
}
