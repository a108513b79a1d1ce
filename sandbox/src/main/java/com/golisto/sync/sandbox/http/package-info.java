/**
 * What every emulator shares: a loopback HTTP server base on Jetty, fault injection (latency, error
 * statuses with Retry-After, connection resets, truncated bodies) and request accounting by endpoint.
 */
@NullMarked
package com.golisto.sync.sandbox.http;

import org.jspecify.annotations.NullMarked;
