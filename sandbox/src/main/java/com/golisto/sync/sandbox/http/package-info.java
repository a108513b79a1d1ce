/**
 * What every emulator shares: a loopback HTTP server base on Jetty, fault injection (latency, error
 * statuses with Retry-After, connection resets, truncated bodies) and request accounting by endpoint.
 */
package com.golisto.sync.sandbox.http;
