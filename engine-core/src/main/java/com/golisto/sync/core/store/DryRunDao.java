package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code dry_run_reports} table: one report per store, the latest. */
interface DryRunDao {

    /** A stored report row. */
    record Row(long runId, String report, Instant finishedAt) {
    }

    @SqlQuery("SELECT run_id, report, finished_at FROM dry_run_reports WHERE store_id = :storeId")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> find(@Bind("storeId") String storeId);

    @SqlUpdate("""
            UPDATE dry_run_reports SET run_id = :runId, report = :report, finished_at = :now WHERE store_id = :storeId
            """)
    int update(@Bind("storeId") String storeId, @Bind("runId") long runId, @Bind("report") String report,
            @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO dry_run_reports (store_id, run_id, report, finished_at) VALUES (:storeId, :runId, :report, :now)
            """)
    void insert(@Bind("storeId") String storeId, @Bind("runId") long runId, @Bind("report") String report,
            @Bind("now") Instant now);
}
