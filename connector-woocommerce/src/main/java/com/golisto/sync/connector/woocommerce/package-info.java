/**
 * The WooCommerce connector: reads a store's catalog through the REST API v3 ({@code /wp-json/wc/v3}),
 * writes Golisto sales as WooCommerce orders with Golisto's metadata and notes, registers and verifies
 * product webhooks, obtains API keys through {@code /wc-auth/v1/authorize} and reads the store's facts.
 * Authentication is HTTP Basic over HTTPS and one-legged OAuth 1.0a (HMAC-SHA256) over plain HTTP, as
 * WooCommerce requires. Nothing here is exported: the engine finds {@link
 * com.golisto.sync.connector.woocommerce.WooCommerceConnectorProvider} through {@link java.util.ServiceLoader}.
 */
package com.golisto.sync.connector.woocommerce;
