/**
 * In-memory test doubles of a shop and a marketplace for the engine's own tests: {@link
 * com.golisto.sync.core.testing.FakeShop} and {@link com.golisto.sync.core.testing.FakeMarketplace} implement
 * the connector SPI without HTTP, emulators or real connector modules, with knobs to edit the catalog, emit signed
 * webhooks, approve or revoke a connection, create sales, inject faults and count calls per operation.
 * {@link com.golisto.sync.core.testing.EngineHarness} builds a {@link com.golisto.sync.core.SyncEngine} on
 * them, an in-memory database and a {@link com.golisto.sync.core.testing.FakeClock}.
 */
package com.golisto.sync.core.testing;
