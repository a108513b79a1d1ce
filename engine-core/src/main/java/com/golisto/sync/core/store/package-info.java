/**
 * The engine's durable state: stores and their connection state, encrypted settings and secrets,
 * one-time states, entity mappings with fingerprints and generations, cursors, intents, dead letters,
 * sync runs, webhook deliveries and store leases.
 *
 * <p>{@link com.golisto.sync.core.store.StateStore} is the only entry point: a public facade over
 * package-private Jdbi SqlObject DAOs, with Flyway migrations (in {@code db-migration/}) run when it
 * opens. The SQL is portable between HSQLDB (file mode, the embedded default) and PostgreSQL. This
 * package is not exported: the rest of the engine uses it, hosts reach it through the engine facade.
 */
package com.golisto.sync.core.store;
