/**
 * The engine's durable state: stores and their connection state, encrypted settings and secrets,
 * one-time states, entity mappings with fingerprints and generations, cursors, intents, dead letters,
 * sync runs, webhook deliveries and store leases.
 *
 * <p>{@link com.golisto.sync.core.store.StateStore} opens the database (running the Flyway migrations in
 * {@code db-migration/}), checks and closes it, and hands out one small public store per aggregate
 * ({@code StoreRecordStore}, {@code SettingStore}, {@code SecretStore}, {@code OneTimeStateStore},
 * {@code MappingStore}, {@code CursorStore}, {@code IntentStore}, {@code DeadLetterStore}, {@code RunStore},
 * {@code DeliveryStore}, {@code LeaseStore}, {@code HealthStore}), each a facade over its package-private Jdbi SqlObject DAO.
 * The SQL is portable between HSQLDB (file mode, the embedded default) and PostgreSQL; a store opened from a
 * JDBC URL draws its connections from a HikariCP pool ({@code StatePool}). This package is not
 * exported: the rest of the engine uses it, hosts reach it through the engine facade.
 */
package com.golisto.sync.core.store;
