package com.golisto.sync.core.store;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
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
}
