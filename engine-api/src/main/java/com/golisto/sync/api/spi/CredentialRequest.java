package com.golisto.sync.api.spi;

import java.net.URI;
import java.util.Objects;

/**
 * What a shop needs to ask its merchant for API keys on the engine's behalf.
 *
 * @param appName the name shown to the merchant
 * @param state a one-time value echoed back with the keys; treat as secret
 * @param returnUrl where the merchant's browser goes afterwards
 * @param callbackUrl where the shop posts the keys
 */
public record CredentialRequest(String appName, String state, URI returnUrl, URI callbackUrl) {

    public CredentialRequest {
        Objects.requireNonNull(appName, "appName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(callbackUrl, "callbackUrl");
    }

    @Override
    public String toString() {
        return "CredentialRequest[appName=" + appName + ", returnUrl=" + returnUrl + ", callbackUrl=" + callbackUrl + "]";
    }
}
