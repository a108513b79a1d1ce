package com.golisto.sync.sandbox.woocommerce;

import java.time.Instant;

/**
 * A registered webhook (immutable; replaced on change). The secret never leaves the emulator through
 * the REST API and is never printed.
 */
record WooWebhook(long id, String name, String status, String topic, String deliveryUrl, String secret,
                  Instant created, Instant modified, int failureCount, boolean pendingDelivery) {

    String resource() {
        int dot = topic.indexOf('.');
        return dot < 0 ? topic : topic.substring(0, dot);
    }

    String event() {
        int dot = topic.indexOf('.');
        return dot < 0 ? "" : topic.substring(dot + 1);
    }

    WooWebhook withStatus(String newStatus, Instant at) {
        return new WooWebhook(id, name, newStatus, topic, deliveryUrl, secret, created, at, failureCount, pendingDelivery);
    }

    WooWebhook withFailures(int failures, String newStatus) {
        return new WooWebhook(id, name, newStatus, topic, deliveryUrl, secret, created, modified, failures,
                pendingDelivery);
    }

    WooWebhook withPending(boolean pending) {
        return new WooWebhook(id, name, status, topic, deliveryUrl, secret, created, modified, failureCount, pending);
    }

    @Override
    public String toString() {
        return "WooWebhook[" + id + " " + topic + " " + status + " -> " + deliveryUrl + ", failures=" + failureCount + "]";
    }
}
