package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code one_time_states} table. */
interface OneTimeStateDao {

    @SqlUpdate("""
            INSERT INTO one_time_states (state_hash, store_id, purpose, created_at, expires_at)
            VALUES (:hash, :storeId, :purpose, :now, :expiresAt)
            """)
    void insert(@Bind("hash") String hash, @Bind("storeId") String storeId, @Bind("purpose") String purpose,
            @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    /** Marks the state used if it is unused, unexpired and for this purpose; 1 when it was. */
    @SqlUpdate("""
            UPDATE one_time_states SET used_at = :now
            WHERE state_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
            """)
    int use(@Bind("hash") String hash, @Bind("purpose") String purpose, @Bind("now") Instant now);

    @SqlQuery("SELECT store_id FROM one_time_states WHERE state_hash = :hash")
    Optional<String> storeId(@Bind("hash") String hash);

    @SqlUpdate("DELETE FROM one_time_states WHERE expires_at < :before")
    int deleteExpired(@Bind("before") Instant before);

    /** Up to {@code limit} states used, or expired, before an instant. */
    @SqlQuery("""
            SELECT state_hash FROM one_time_states WHERE expires_at < :before OR used_at < :before
            ORDER BY state_hash FETCH FIRST :limit ROWS ONLY
            """)
    List<String> spent(@Bind("before") Instant before, @Bind("limit") int limit);

    @SqlBatch("DELETE FROM one_time_states WHERE state_hash = :hash")
    int[] delete(@Bind("hash") List<String> hashes);
}
