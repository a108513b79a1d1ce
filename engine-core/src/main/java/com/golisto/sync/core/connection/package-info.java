/**
 * Stores and their connection to the marketplace: registering a store and its settings, the connect and
 * shop key-grant flows, status polls with what approval and disconnection do to the store itself (shop
 * webhooks, secrets, status), disconnecting, acting on a marketplace that refuses a store, the host's view
 * of a store, and the engine's endpoint URLs. What follows elsewhere (schedules, first sync) is told through
 * {@link com.golisto.sync.core.connection.ConnectionListener}.
 *
 * <p>May use: the engine API, {@code core} value types, {@code core.runtime}, {@code core.runs} (remote
 * calls, events, refusals), {@code core.store}, {@code core.connectors}, {@code core.retry}.
 */
package com.golisto.sync.core.connection;
