/**
 * The runner's HTTP surface on Jetty 12 core handlers: a small router, bounded raw-body reading, JSON
 * errors, and the routes that remotes and browsers call (the Golisto connect return, WooCommerce's key
 * delivery, webhooks) plus the dashboard, health and metrics pages.
 */
package com.golisto.sync.app.http;
