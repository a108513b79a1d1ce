/**
 * A stateful emulator of the Golisto WooCommerce integration API on loopback: connect page, tokens,
 * connection lifecycle, listings, inventory, orders with a sales simulator, signed webhooks.
 */
@NullMarked
package com.golisto.sync.sandbox.golisto;

import org.jspecify.annotations.NullMarked;
