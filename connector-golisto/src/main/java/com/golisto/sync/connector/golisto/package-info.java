/**
 * The Golisto marketplace connector: the client of Golisto's WooCommerce integration API
 * ({@code shared/golisto-api/openapi.yaml}) behind the engine's SPI. Not exported: the engine finds
 * {@link com.golisto.sync.connector.golisto.GolistoConnectorProvider} through {@link java.util.ServiceLoader}.
 *
 * <p>One {@link com.golisto.sync.connector.golisto.GolistoApiClient} per store sends every request (bearer
 * token, timeouts, rate-limit waits, error mapping); the capability classes
 * ({@code GolistoConnectionClient}, {@code GolistoCatalogClient}, {@code GolistoOrderClient},
 * {@code GolistoWebhookReceiver}) build on it, and {@code GolistoProductJson} / {@code GolistoOrderJson}
 * map the neutral model to and from the contract's JSON (money always as decimal strings).
 */
package com.golisto.sync.connector.golisto;
