/**
 * The demo: the WooCommerce and Golisto emulators on loopback and a runner on an embedded database, going
 * through every step a merchant goes through. A module of its own so that the runner's installation holds no
 * emulator code; {@code bin/run} launches the runner with this module on the module path.
 */
package com.golisto.sync.demo;
