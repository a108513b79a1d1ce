/**
 * {@code demo}: the whole story on loopback with no setup. WooCommerce and Golisto emulators, the runner
 * on an embedded database, and every step a merchant goes through, told as it happens.
 */
package com.golisto.sync.app.demo;
