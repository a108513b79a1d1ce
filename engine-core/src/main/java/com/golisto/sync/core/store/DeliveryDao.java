package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code webhook_deliveries} table. */
interface DeliveryDao {

    @SqlUpdate("""
            INSERT INTO webhook_deliveries (store_id, source, delivery_key, received_at)
            VALUES (:storeId, :source, :key, :now)
            """)
    void insert(@Bind("storeId") String storeId, @Bind("source") String source, @Bind("key") String key,
            @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM webhook_deliveries WHERE received_at < :before")
    int deleteBefore(@Bind("before") Instant before);

    /** Up to {@code limit} deliveries received before an instant, oldest first (from the received index). */
    @SqlQuery("""
            SELECT store_id, source, delivery_key FROM webhook_deliveries WHERE received_at < :before
            ORDER BY received_at FETCH FIRST :limit ROWS ONLY
            """)
    @RegisterConstructorMapper(DeliveryKey.class)
    List<DeliveryKey> receivedBefore(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlBatch("DELETE FROM webhook_deliveries WHERE store_id = :storeId AND source = :source AND delivery_key = :deliveryKey")
    int[] delete(@BindMethods List<DeliveryKey> keys);

    /** A delivery's primary key. */
    record DeliveryKey(String storeId, String source, String deliveryKey) {
    }
}
