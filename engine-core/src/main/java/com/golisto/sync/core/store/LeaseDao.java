package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code store_leases} table. Every change is one conditional statement, atomic on its own. */
@RegisterConstructorMapper(Lease.class)
interface LeaseDao {

    /** Takes the lease when this owner holds it already or it has expired; 1 when taken. */
    @SqlUpdate("""
            UPDATE store_leases SET owner = :owner, expires_at = :expiresAt
            WHERE store_id = :storeId AND (owner = :owner OR expires_at <= :now)
            """)
    int takeOver(@Bind("storeId") String storeId, @Bind("owner") String owner, @Bind("expiresAt") Instant expiresAt,
            @Bind("now") Instant now);

    /** Creates the lease row; fails on the primary key when another runner created it first. */
    @SqlUpdate("INSERT INTO store_leases (store_id, owner, expires_at) VALUES (:storeId, :owner, :expiresAt)")
    void insert(@Bind("storeId") String storeId, @Bind("owner") String owner, @Bind("expiresAt") Instant expiresAt);

    /** Extends the lease this owner holds and nobody took over; 1 when extended. */
    @SqlUpdate("UPDATE store_leases SET expires_at = :expiresAt WHERE store_id = :storeId AND owner = :owner")
    int renew(@Bind("storeId") String storeId, @Bind("owner") String owner, @Bind("expiresAt") Instant expiresAt);

    @SqlUpdate("DELETE FROM store_leases WHERE store_id = :storeId AND owner = :owner")
    int release(@Bind("storeId") String storeId, @Bind("owner") String owner);

    @SqlQuery("SELECT store_id, owner, expires_at FROM store_leases WHERE store_id = :storeId")
    Optional<Lease> find(@Bind("storeId") String storeId);
}
