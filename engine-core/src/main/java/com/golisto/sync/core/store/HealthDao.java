package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jspecify.annotations.Nullable;

/** The {@code health_probes} and {@code store_health} tables, and the pass outcomes read from {@code sync_runs}. */
interface HealthDao {

    @SqlUpdate("UPDATE health_probes SET probed_at = :now WHERE node_id = :node")
    int touchProbe(@Bind("node") String nodeId, @Bind("now") Instant now);

    @SqlUpdate("INSERT INTO health_probes (node_id, probed_at) VALUES (:node, :now)")
    void insertProbe(@Bind("node") String nodeId, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT status, error_message FROM sync_runs
            WHERE store_id = :storeId AND kind IN ('FULL', 'INCREMENTAL') AND status <> 'RUNNING'
            ORDER BY started_at DESC, id DESC FETCH FIRST :limit ROWS ONLY
            """)
    List<HealthStore.PassOutcome> lastPasses(@Bind("storeId") String storeId, @Bind("limit") int limit);

    @SqlUpdate("UPDATE store_health SET webhooks_checked_at = :at, webhooks_problem = :problem WHERE store_id = :storeId")
    int updateWebhooks(@Bind("storeId") String storeId, @Bind("problem") @Nullable String problem,
            @Bind("at") Instant at);

    @SqlQuery("SELECT COUNT(*) FROM store_health WHERE store_id = :storeId")
    int count(@Bind("storeId") String storeId);

    @SqlUpdate("INSERT INTO store_health (store_id) VALUES (:storeId)")
    void insert(@Bind("storeId") String storeId);

    @SqlQuery("""
            SELECT store_id, webhooks_checked_at, webhooks_problem FROM store_health
            WHERE store_id = :storeId
            """)
    Optional<HealthStore.StoreHealth> find(@Bind("storeId") String storeId);
}
