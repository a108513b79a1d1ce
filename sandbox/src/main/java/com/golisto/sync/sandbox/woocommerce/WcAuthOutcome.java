package com.golisto.sync.sandbox.woocommerce;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What happened when the merchant approved a key grant.
 *
 * @param approved true when the callback answered exactly 200 and the key now works
 * @param redirect where the merchant's browser is sent ({@code return_url?success=1&user_id=...}), or
 *                 null when the grant failed (WooCommerce then shows an error page)
 * @param callbackStatus the callback's HTTP status, -1 when it could not be reached or was refused
 * @param key the issued key when approved, else null (a failed grant deletes the key)
 */
public record WcAuthOutcome(boolean approved, @Nullable URI redirect, int callbackStatus, @Nullable WooApiKey key) {
}
