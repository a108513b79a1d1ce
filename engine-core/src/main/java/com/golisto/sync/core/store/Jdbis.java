package com.golisto.sync.core.store;

import java.sql.Types;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/** Builds the store's {@link Jdbi}: plugins installed explicitly, instants stored as epoch milliseconds. */
final class Jdbis {

    private Jdbis() {
    }

    /**
     * A Jdbi over the data source that refuses new handles once {@code closed} says so (with HSQLDB's
     * {@code shutdown=true}, a new connection after close would silently reopen the database).
     */
    static Jdbi create(DataSource dataSource, BooleanSupplier closed) {
        Jdbi jdbi = Jdbi.create(() -> {
            if (closed.getAsBoolean()) {
                throw new IllegalStateException("the state store is closed");
            }
            return dataSource.getConnection();
        }).installPlugin(new SqlObjectPlugin());
        // every *_at column is a BIGINT of epoch milliseconds: portable and free of time-zone conversions
        jdbi.registerArgument(new InstantAsMillis());
        jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> {
            long millis = rs.getLong(column);
            return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
        });
        return jdbi;
    }

    /** Binds an {@link Instant} as a BIGINT of epoch milliseconds. */
    private static final class InstantAsMillis extends AbstractArgumentFactory<Instant> {
        InstantAsMillis() {
            super(Types.BIGINT);
        }

        @Override
        protected Argument build(Instant value, ConfigRegistry config) {
            long millis = value.toEpochMilli();
            return (position, statement, ctx) -> statement.setLong(position, millis);
        }
    }
}
