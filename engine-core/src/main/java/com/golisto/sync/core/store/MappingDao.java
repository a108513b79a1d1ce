package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.BindMethodsList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code entity_mappings} table.
 *
 * <p>Pages of ids are looked up with a row-value list, {@code (store_id, kind, source_id) IN ((?,?,?), …)}:
 * HSQLDB answers it from the primary key, whereas {@code source_id IN (…)} (the third key column) makes
 * it scan the store's whole range. Writes by id are JDBC batches of single-row statements for the same
 * reason; both forms are standard SQL and equally fast on PostgreSQL.
 */
@RegisterConstructorMapper(Mapping.class)
interface MappingDao {

    String COLUMNS = """
            store_id, kind, source_id, target_id, fingerprint, stock_fingerprint, generation, version, status,
            last_result, updated_at, field_fingerprints, stock_levels
            """;

    @SqlQuery("SELECT " + COLUMNS + " FROM entity_mappings WHERE (store_id, kind, source_id) IN (<keys>)")
    List<Mapping> find(@BindMethodsList(value = "keys", methodNames = {"storeId", "kind", "sourceId"})
            List<MappingKey> keys);

    @SqlQuery("SELECT store_id, kind, source_id FROM entity_mappings WHERE (store_id, kind, source_id) IN (<keys>)")
    @RegisterConstructorMapper(MappingKey.class)
    List<MappingKey> existing(@BindMethodsList(value = "keys", methodNames = {"storeId", "kind", "sourceId"})
            List<MappingKey> keys);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM entity_mappings WHERE store_id = :storeId AND kind = :kind AND source_id = :sourceId
            """)
    Optional<Mapping> find(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind,
            @Bind("sourceId") String sourceId);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM entity_mappings WHERE store_id = :storeId AND kind = :kind AND target_id = :targetId
            ORDER BY source_id
            """)
    List<Mapping> findByTarget(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind,
            @Bind("targetId") String targetId);

    @SqlBatch("""
            INSERT INTO entity_mappings (store_id, kind, source_id, target_id, fingerprint, stock_fingerprint,
                generation, version, status, last_result, updated_at, field_fingerprints, stock_levels)
            VALUES (:storeId, :kind, :sourceId, :targetId, :fingerprint, :stockFingerprint,
                :generation, :version, :status, :lastResult, :now, :fieldFingerprints, :stockLevels)
            """)
    void insert(@BindMethods List<Mapping> mappings, @Bind("now") Instant now);

    @SqlBatch("""
            UPDATE entity_mappings SET target_id = :targetId, fingerprint = :fingerprint,
                stock_fingerprint = :stockFingerprint, generation = :generation, version = :version,
                status = :status, last_result = :lastResult, updated_at = :now,
                field_fingerprints = :fieldFingerprints, stock_levels = :stockLevels
            WHERE store_id = :storeId AND kind = :kind AND source_id = :sourceId
            """)
    void update(@BindMethods List<Mapping> mappings, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT source_id, source_version, variant_skus FROM entity_mappings
            WHERE (store_id, kind, source_id) IN (<keys>) AND source_version IS NOT NULL AND fingerprint IS NOT NULL
            """)
    @RegisterConstructorMapper(SourceVersion.class)
    List<SourceVersion> versions(@BindMethodsList(value = "keys", methodNames = {"storeId", "kind", "sourceId"})
            List<MappingKey> keys);

    @SqlBatch("""
            UPDATE entity_mappings SET source_version = :version, variant_skus = :variantSkus
            WHERE store_id = :storeId AND kind = :kind AND source_id = :sourceId
            """)
    void saveVersions(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind,
            @BindMethods List<SourceVersion> versions);

    @SqlBatch("""
            UPDATE entity_mappings SET generation = :generation
            WHERE store_id = :storeId AND kind = :kind AND source_id = :sourceId
            """)
    int[] markSeen(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind,
            @Bind("sourceId") List<String> sourceIds, @Bind("generation") long generation);

    /**
     * The sweep. Ordered by the whole primary key (store and kind are fixed, so this is source-id order):
     * HSQLDB then walks the key index and stops after {@code limit} rows instead of sorting every match.
     */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM entity_mappings WHERE store_id = :storeId AND kind = :kind AND generation < :generation
            ORDER BY store_id, kind, source_id FETCH FIRST :limit ROWS ONLY
            """)
    List<Mapping> unseenBefore(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind,
            @Bind("generation") long generation, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + """
             FROM entity_mappings WHERE store_id = :storeId AND kind = :kind AND source_id > :after
            ORDER BY store_id, kind, source_id FETCH FIRST :limit ROWS ONLY
            """)
    List<Mapping> page(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind, @Bind("after") String after,
            @Bind("limit") int limit);

    @SqlBatch("DELETE FROM entity_mappings WHERE store_id = :storeId AND kind = :kind AND source_id = :sourceId")
    int[] delete(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind,
            @Bind("sourceId") List<String> sourceIds);

    @SqlUpdate("DELETE FROM entity_mappings WHERE store_id = :storeId AND kind = :kind")
    int deleteKind(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind);

    @SqlUpdate("DELETE FROM cursors WHERE store_id = :storeId")
    int deleteCursors(@Bind("storeId") String storeId);

    @SqlQuery("SELECT COUNT(*) FROM entity_mappings WHERE store_id = :storeId AND kind = :kind"
            + " AND target_id IS NOT NULL")
    long countMapped(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind);

    @SqlQuery("SELECT COUNT(*) FROM entity_mappings WHERE store_id = :storeId AND kind = :kind")
    long count(@Bind("storeId") String storeId, @Bind("kind") EntityKind kind);
}
