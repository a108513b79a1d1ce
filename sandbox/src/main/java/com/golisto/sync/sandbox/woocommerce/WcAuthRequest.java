package com.golisto.sync.sandbox.woocommerce;

import java.util.Objects;

/**
 * A merchant's pending key grant, as {@code /wc-auth/v1/authorize} received it.
 *
 * @param token the emulator's id for the pending grant (used by the approve link)
 * @param appName the {@code app_name}
 * @param scope {@code read}, {@code write} or {@code read_write}
 * @param userId the app's {@code user_id}, echoed back verbatim
 * @param returnUrl where the merchant's browser goes afterwards
 * @param callbackUrl where the keys are posted
 */
public record WcAuthRequest(String token, String appName, String scope, String userId, String returnUrl,
                            String callbackUrl) {

    /** Validates. */
    public WcAuthRequest {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }
}
