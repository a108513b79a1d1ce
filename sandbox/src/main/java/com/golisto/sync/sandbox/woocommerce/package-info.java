/**
 * A stateful WooCommerce REST API v3 emulator on loopback: products, variations, orders, notes,
 * webhooks with signed deliveries, wc-auth key issuing, both authentication schemes.
 */
@NullMarked
package com.golisto.sync.sandbox.woocommerce;

import org.jspecify.annotations.NullMarked;
