package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The {@code product_ledger} table. Writes are JDBC batches: an update, then an insert of the rows it missed. An
 * update without a shop version, sent action or answer keeps the one recorded (an unchanged product keeps what
 * was last sent).
 */
@RegisterConstructorMapper(LedgerEntry.class)
interface LedgerDao {

    String COLUMNS = "store_id, product_id, shop_version, sent_action, remote_answer, outcome, reason, sku, title,"
            + " updated_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM product_ledger WHERE store_id = :storeId AND product_id = :productId")
    Optional<LedgerEntry> find(@Bind("storeId") String storeId, @Bind("productId") String productId);

    /** The store's products with this SKU (normally one), by id. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM product_ledger WHERE store_id = :storeId AND sku = :sku ORDER BY product_id FETCH FIRST 20 ROWS ONLY
            """)
    List<LedgerEntry> bySku(@Bind("storeId") String storeId, @Bind("sku") String sku);

    /**
     * The store's products whose id or SKU is the text, or whose title contains the pattern (a LIKE pattern of
     * lower-case text with {@code !} as its escape character), by id, after a product id ({@code ""} for the
     * first page).
     */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM product_ledger WHERE store_id = :storeId AND product_id > :after
                AND (product_id = :text OR sku = :text OR LOWER(title) LIKE :pattern ESCAPE '!')
            ORDER BY product_id FETCH FIRST :limit ROWS ONLY
            """)
    List<LedgerEntry> search(@Bind("storeId") String storeId, @Bind("text") String text,
            @Bind("pattern") String pattern, @Bind("after") String after, @Bind("limit") int limit);

    @SqlBatch("""
            UPDATE product_ledger SET shop_version = COALESCE(CAST(:shopVersion AS VARCHAR(128)), shop_version),
                sent_action = COALESCE(CAST(:sentAction AS VARCHAR(32)), sent_action),
                remote_answer = COALESCE(CAST(:remoteAnswer AS VARCHAR(2000)), remote_answer),
                sku = COALESCE(CAST(:sku AS VARCHAR(255)), sku), title = COALESCE(CAST(:title AS VARCHAR(500)), title),
                outcome = :outcome, reason = :reason, updated_at = :now
            WHERE store_id = :storeId AND product_id = :productId
            """)
    int[] update(@BindMethods List<LedgerEntry> entries, @Bind("now") Instant now);

    @SqlBatch("""
            INSERT INTO product_ledger (store_id, product_id, shop_version, sent_action, remote_answer, outcome,
                reason, sku, title, updated_at)
            VALUES (:storeId, :productId, :shopVersion, :sentAction, :remoteAnswer, :outcome, :reason, :sku, :title,
                :now)
            """)
    void insert(@BindMethods List<LedgerEntry> entries, @Bind("now") Instant now);
}
