package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The {@code intents} table. */
@RegisterConstructorMapper(Intent.class)
interface IntentDao {

    String COLUMNS = "id, store_id, kind, intent_key, payload, created_at, attempted_at, completed_at, result_text";

    @SqlUpdate("""
            INSERT INTO intents (store_id, kind, intent_key, payload, created_at, open_marker)
            VALUES (:storeId, :kind, :key, :payload, :now, TRUE)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("storeId") String storeId, @Bind("kind") String kind, @Bind("key") String key,
            @Bind("payload") String payload, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM intents WHERE id = :id")
    Optional<Intent> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM intents WHERE store_id = :storeId AND kind = :kind AND intent_key = :key AND open_marker = TRUE
            """)
    Optional<Intent> findOpen(@Bind("storeId") String storeId, @Bind("kind") String kind, @Bind("key") String key);

    @SqlUpdate("""
            UPDATE intents SET completed_at = :now, result_text = :result, open_marker = NULL
            WHERE id = :id AND open_marker = TRUE
            """)
    int complete(@Bind("id") long id, @Bind("result") @Nullable String result, @Bind("now") Instant now);

    @SqlUpdate("UPDATE intents SET attempted_at = :now WHERE id = :id AND open_marker = TRUE")
    int attempted(@Bind("id") long id, @Bind("now") Instant now);

    /** Claims the next attempt: only while open and when no attempt began after {@code settledBefore}; 1 when claimed. */
    @SqlUpdate("""
            UPDATE intents SET attempted_at = :now
            WHERE id = :id AND open_marker = TRUE AND (attempted_at IS NULL OR attempted_at <= :settledBefore)
            """)
    int claimAttempt(@Bind("id") long id, @Bind("now") Instant now, @Bind("settledBefore") Instant settledBefore);

    @SqlQuery("SELECT " + COLUMNS + " FROM intents WHERE store_id = :storeId AND open_marker = TRUE ORDER BY id")
    List<Intent> open(@Bind("storeId") String storeId);

    @SqlQuery("SELECT " + COLUMNS + " FROM intents WHERE open_marker = TRUE ORDER BY id")
    List<Intent> allOpen();

    @SqlUpdate("DELETE FROM intents WHERE open_marker IS NULL AND completed_at < :before")
    int deleteCompleted(@Bind("before") Instant before);
}
