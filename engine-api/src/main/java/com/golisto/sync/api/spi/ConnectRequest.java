package com.golisto.sync.api.spi;

import java.net.URI;
import java.util.Currency;
import java.util.Objects;

/**
 * What a marketplace needs to start connecting a store.
 *
 * @param storeUrl the shop's home URL
 * @param currency the shop's currency
 * @param returnUrl where the marketplace sends the merchant back
 * @param state a one-time value the engine checks when the merchant returns; treat as secret
 */
public record ConnectRequest(URI storeUrl, Currency currency, URI returnUrl, String state) {

    public ConnectRequest {
        Objects.requireNonNull(storeUrl, "storeUrl");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(returnUrl, "returnUrl");
        Objects.requireNonNull(state, "state");
    }

    @Override
    public String toString() {
        return "ConnectRequest[storeUrl=" + storeUrl + ", currency=" + currency + ", returnUrl=" + returnUrl + "]";
    }
}
