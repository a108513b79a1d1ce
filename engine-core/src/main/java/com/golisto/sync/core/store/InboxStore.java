package com.golisto.sync.core.store;

import com.golisto.sync.core.UnknownStoreException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The durable webhook inbox ({@code webhook_inbox}, {@code webhook_holds}): products a verified webhook named,
 * recorded with the delivery before the node answers, and processed by whichever node sharing the database claims
 * them when due. One row per store and product, so a burst coalesces: a product is due once no notification named
 * it for the quiet period, at the latest the maximum delay after the first one. A store may be held (a batch window):
 * nothing of it is due before the hold ends. Obtained from {@link StateStore#inbox()}. Thread-safe; each method is
 * one transaction.
 */
public final class InboxStore {

    private static final int ATTEMPTS = 3;

    private static final String MARK = """
            UPDATE webhook_inbox SET last_at = :now, marks = marks + 1,
                due_at = LEAST(CAST(:byQuiet AS BIGINT), first_at + CAST(:maxDelay AS BIGINT))
            WHERE store_id = :storeId AND product_id = :productId
            """;
    private static final String INSERT = """
            INSERT INTO webhook_inbox (store_id, product_id, first_at, last_at, due_at, marks)
            VALUES (:storeId, :productId, :now, :now, :byQuiet, 1)
            """;

    private final Database db;

    InboxStore(Database db) {
        this.db = db;
    }

    /**
     * The products claimed by one {@link #claimDue} call, with the claim to settle them by.
     *
     * @param claimedAt when they were claimed
     * @param marksByProduct each product's notification count when claimed
     */
    public record Claim(String storeId, String token, Instant claimedAt, Map<String, Long> marksByProduct) {
        /** Copies the map. */
        public Claim {
            Objects.requireNonNull(storeId, "storeId");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(claimedAt, "claimedAt");
            marksByProduct = Map.copyOf(marksByProduct);
        }

        /** The claimed product ids. */
        public Set<String> products() {
            return marksByProduct.keySet();
        }
    }

    /**
     * Records a webhook delivery and marks the products it names, in one transaction: true when the delivery was
     * new (and the products are marked), false when it was recorded before (by this node or another); nothing is
     * recorded when it throws.
     *
     * @param source where the delivery came from (the delivery table's source)
     * @param deliveryKey the delivery's key (its signed content); at most 255 characters
     * @param quiet how long a product must stay un-notified before it is due
     * @param maxDelay the longest a product waits from its first notification
     */
    public boolean receive(String storeId, String source, String deliveryKey, Collection<String> productIds,
            Duration quiet, Duration maxDelay) {
        Require.storeId(storeId);
        Require.text(source, "delivery source", Limits.KIND);
        Require.text(deliveryKey, "delivery key", Limits.ID);
        for (String productId : productIds) {
            Require.text(productId, "product id", Limits.ID);
        }
        Instant now = db.now();
        for (int attempt = 1; ; attempt++) {
            try {
                return db.jdbi().inTransaction(h -> {
                    try {
                        h.attach(DeliveryDao.class).insert(storeId, source, deliveryKey, now);
                    } catch (UnableToExecuteStatementException e) {
                        if (Database.isUniqueViolation(e)) {
                            throw new Repeated();
                        }
                        throw e;
                    }
                    for (String productId : productIds) {
                        mark(h, storeId, productId, now, quiet, maxDelay);
                    }
                    return true;
                });
            } catch (Repeated e) {
                return false;
            } catch (UnableToExecuteStatementException e) {
                // another node inserted the same product's row at the same moment: mark again, it now exists
                if (Database.isUniqueViolation(e) && attempt < ATTEMPTS) {
                    continue;
                }
                if (db.jdbi().withExtension(StoreDao.class, d -> d.count(storeId)) == 0) {
                    throw new UnknownStoreException("no store with id " + storeId);
                }
                throw e;
            }
        }
    }

    private static void mark(Handle h, String storeId, String productId, Instant now, Duration quiet,
            Duration maxDelay) {
        long byQuiet = now.plus(quiet).toEpochMilli();
        int updated = h.createUpdate(MARK).bind("now", now).bind("byQuiet", byQuiet)
                .bind("maxDelay", maxDelay.toMillis()).bind("storeId", storeId).bind("productId", productId)
                .execute();
        if (updated == 0) {
            h.createUpdate(INSERT).bind("storeId", storeId).bind("productId", productId).bind("now", now)
                    .bind("byQuiet", byQuiet).execute();
        }
    }

    /** The signal of a delivery recorded before; rolls the transaction back. */
    private static final class Repeated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Repeated() {
            super("repeated delivery", null, false, false);
        }
    }

    /**
     * Claims a store's due products for {@code node} until {@code claimFor} from now: those whose debounce passed,
     * unclaimed or whose claim expired (a node that died), unless the store is held. Another node's concurrent
     * claim gets none of them.
     *
     * @return the claim; empty products when nothing is due
     */
    public Claim claimDue(String storeId, String node, Duration claimFor) {
        Require.storeId(storeId);
        Instant now = db.now();
        String token = Require.truncate(node, 160) + '/' + UUID.randomUUID();
        return db.jdbi().inTransaction(h -> {
            h.createUpdate("""
                    UPDATE webhook_inbox SET claimed_by = :token, claim_expires_at = :expires
                    WHERE store_id = :storeId AND due_at <= :now
                      AND (claimed_by IS NULL OR claim_expires_at <= :now)
                      AND NOT EXISTS (SELECT 1 FROM webhook_holds h
                                      WHERE h.store_id = :storeId AND h.held_until > :now)
                    """).bind("token", token).bind("expires", now.plus(claimFor)).bind("storeId", storeId)
                    .bind("now", now).execute();
            Map<String, Long> claimed = new LinkedHashMap<>();
            h.createQuery("""
                    SELECT product_id, marks FROM webhook_inbox WHERE store_id = :storeId AND claimed_by = :token
                    ORDER BY first_at, product_id
                    """).bind("storeId", storeId).bind("token", token)
                    .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
                    .forEach(e -> claimed.put(e.getKey(), e.getValue()));
            return new Claim(storeId, token, now, claimed);
        });
    }

    /**
     * Settles a claim whose pass ran: forgets its products, except those notified again meanwhile, which stay for
     * the next pass (released). A product is forgotten also when its claim expired meanwhile and another node
     * took it (the pass covered what it was notified of), but not a row notified anew after that node forgot it.
     */
    public void done(Claim claim) {
        db.jdbi().useTransaction(h -> {
            PreparedBatch delete = h.prepareBatch("""
                    DELETE FROM webhook_inbox
                    WHERE store_id = :storeId AND product_id = :productId AND marks = :marks
                      AND first_at <= :claimedAt
                    """);
            claim.marksByProduct().forEach((product, marks) -> delete.bind("storeId", claim.storeId())
                    .bind("productId", product).bind("marks", marks).bind("claimedAt", claim.claimedAt()).add());
            if (!claim.marksByProduct().isEmpty()) {
                delete.execute();
            }
            release(h, claim);
        });
    }

    /** Gives a claim back unprocessed (the pass could not run here): its products stay due for any node. */
    public void release(Claim claim) {
        db.jdbi().useHandle(h -> release(h, claim));
    }

    private static void release(Handle h, Claim claim) {
        h.createUpdate("""
                UPDATE webhook_inbox SET claimed_by = NULL, claim_expires_at = NULL
                WHERE store_id = :storeId AND claimed_by = :token
                """).bind("storeId", claim.storeId()).bind("token", claim.token()).execute();
    }

    /** Holds a store until an instant: none of its products is due before (the batch window after a pass). */
    public void holdUntil(String storeId, Instant until) {
        Require.storeId(storeId);
        Objects.requireNonNull(until, "until");
        for (int attempt = 1; ; attempt++) {
            try {
                db.jdbi().useTransaction(h -> {
                    int updated = h.createUpdate("UPDATE webhook_holds SET held_until = :until WHERE store_id = :s")
                            .bind("until", until).bind("s", storeId).execute();
                    if (updated == 0) {
                        h.createUpdate("INSERT INTO webhook_holds (store_id, held_until) VALUES (:s, :until)")
                                .bind("s", storeId).bind("until", until).execute();
                    }
                });
                return;
            } catch (UnableToExecuteStatementException e) {
                if (!Database.isUniqueViolation(e) || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The stores with a product due and unclaimed (or whose claim expired) now, holds not considered. */
    public Set<String> storesWithDue() {
        Instant now = db.now();
        return db.jdbi().withHandle(h -> h.createQuery("""
                SELECT DISTINCT store_id FROM webhook_inbox
                WHERE due_at <= :now AND (claimed_by IS NULL OR claim_expires_at <= :now)
                """).bind("now", now).mapTo(String.class).set());
    }

    /** How many of a store's products wait in the inbox (claimed or not). */
    public int pendingCount(String storeId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_inbox WHERE store_id = :s")
                .bind("s", storeId).mapTo(Integer.class).one());
    }

    /** How many products of every store wait in the inbox. */
    public int pendingCount() {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_inbox")
                .mapTo(Integer.class).one());
    }

    /** Drops a store's waiting products and its hold (it was disconnected). */
    public void forget(String storeId) {
        db.jdbi().useTransaction(h -> {
            h.createUpdate("DELETE FROM webhook_inbox WHERE store_id = :s").bind("s", storeId).execute();
            h.createUpdate("DELETE FROM webhook_holds WHERE store_id = :s").bind("s", storeId).execute();
        });
    }
}
