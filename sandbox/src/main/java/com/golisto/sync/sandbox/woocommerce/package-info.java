/**
 * A stateful WooCommerce REST API v3 emulator on loopback: products, variations, orders, notes,
 * webhooks with signed deliveries, wc-auth key issuing, both authentication schemes.
 */
package com.golisto.sync.sandbox.woocommerce;
