package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code dead_letters} table. */
@RegisterConstructorMapper(DeadLetter.class)
interface DeadLetterDao {

    String COLUMNS = "id, store_id, kind, item_id, reason, payload, created_at, attempts, replayed_at";

    @SqlUpdate("""
            INSERT INTO dead_letters (store_id, kind, item_id, reason, payload, created_at, attempts)
            VALUES (:storeId, :kind, :itemId, :reason, :payload, :now, 1)
            """)
    @GetGeneratedKeys("id")
    long insert(@Bind("storeId") String storeId, @Bind("kind") String kind, @Bind("itemId") String itemId,
            @Bind("reason") String reason, @Bind("payload") String payload, @Bind("now") Instant now);

    /** Records another failure of an item already dead-lettered: pending again, one more attempt. */
    @SqlUpdate("""
            UPDATE dead_letters SET reason = :reason, payload = :payload, attempts = attempts + 1, replayed_at = NULL
            WHERE store_id = :storeId AND kind = :kind AND item_id = :itemId
            """)
    int failAgain(@Bind("storeId") String storeId, @Bind("kind") String kind, @Bind("itemId") String itemId,
            @Bind("reason") String reason, @Bind("payload") String payload);

    @SqlQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE id = :id")
    Optional<DeadLetter> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE store_id = :storeId AND kind = :kind AND item_id = :itemId")
    Optional<DeadLetter> find(@Bind("storeId") String storeId, @Bind("kind") String kind,
            @Bind("itemId") String itemId);

    @SqlQuery("SELECT " + COLUMNS + " FROM dead_letters ORDER BY id")
    List<DeadLetter> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM dead_letters WHERE store_id = :storeId ORDER BY id")
    List<DeadLetter> ofStore(@Bind("storeId") String storeId);

    @SqlUpdate("UPDATE dead_letters SET replayed_at = :now WHERE id = :id")
    int markReplayed(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM dead_letters WHERE id = :id")
    int delete(@Bind("id") long id);

    /**
     * Up to {@code limit} dead letters replayed before an instant (their replay did not get them through and
     * nothing failed them again since) or, when never replayed, created before {@code pendingBefore}.
     */
    @SqlQuery("""
            SELECT id FROM dead_letters
            WHERE (replayed_at IS NOT NULL AND replayed_at < :replayedBefore)
                OR (replayed_at IS NULL AND created_at < :pendingBefore)
            ORDER BY id FETCH FIRST :limit ROWS ONLY
            """)
    List<Long> expired(@Bind("replayedBefore") Instant replayedBefore, @Bind("pendingBefore") Instant pendingBefore,
            @Bind("limit") int limit);

    @SqlBatch("DELETE FROM dead_letters WHERE id = :id")
    int[] deleteAll(@Bind("id") List<Long> ids);

    /** One single-row delete per item, by the unique key: a JDBC batch. */
    @SqlBatch("DELETE FROM dead_letters WHERE store_id = :storeId AND kind = :kind AND item_id = :itemId")
    int[] deleteItems(@Bind("storeId") String storeId, @Bind("kind") String kind,
            @Bind("itemId") List<String> itemIds);
}
