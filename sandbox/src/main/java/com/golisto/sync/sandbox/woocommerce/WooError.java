package com.golisto.sync.sandbox.woocommerce;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A WooCommerce REST error, rendered as {@code {"code","message","data":{"status",...}}}.
 */
final class WooError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> data;
    private boolean basicChallenge;

    WooError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    WooError(int status, String code, String message, Map<String, Object> extraData) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.data = new LinkedHashMap<>(extraData);
    }

    /** Marks the error as one that sends {@code WWW-Authenticate: Basic}. */
    WooError withBasicChallenge() {
        basicChallenge = true;
        return this;
    }

    boolean basicChallenge() {
        return basicChallenge;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** Extra {@code data} fields beyond {@code status}. */
    Map<String, Object> data() {
        return data;
    }

    static WooError invalidParam(String param, String why) {
        return new WooError(400, "rest_invalid_param", "Invalid parameter(s): " + param,
                Map.of("params", Map.of(param, why)));
    }

    static WooError invalidProductId(int status) {
        return new WooError(status, "woocommerce_rest_product_invalid_id", "Invalid ID.");
    }

    static WooError noRoute() {
        return new WooError(404, "rest_no_route", "No route was found matching the URL and request method.");
    }
}
