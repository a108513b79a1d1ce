package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code cursors} table. */
interface CursorDao {

    @SqlQuery("SELECT cursor_value FROM cursors WHERE store_id = :storeId AND cursor_name = :name")
    Optional<String> find(@Bind("storeId") String storeId, @Bind("name") String name);

    @SqlUpdate("""
            UPDATE cursors SET cursor_value = :value, updated_at = :now WHERE store_id = :storeId AND cursor_name = :name
            """)
    int update(@Bind("storeId") String storeId, @Bind("name") String name, @Bind("value") String value,
            @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO cursors (store_id, cursor_name, cursor_value, updated_at) VALUES (:storeId, :name, :value, :now)
            """)
    void insert(@Bind("storeId") String storeId, @Bind("name") String name, @Bind("value") String value,
            @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM cursors WHERE store_id = :storeId AND cursor_name = :name")
    int delete(@Bind("storeId") String storeId, @Bind("name") String name);
}
