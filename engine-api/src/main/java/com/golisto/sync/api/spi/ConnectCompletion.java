package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.ShopCredentials;
import java.net.URI;
import java.util.Currency;
import java.util.Objects;

/**
 * What the engine hands a marketplace to complete a connection.
 *
 * @param code the one-time code the marketplace returned with the merchant
 * @param storeUrl the shop's home URL
 * @param currency the shop's currency
 * @param shopCredentials the API keys that let the marketplace call the shop
 * @param webhookSecret the secret the marketplace signs its webhooks with (at least 32 characters)
 * @param webhookUrl where the marketplace sends webhooks
 */
public record ConnectCompletion(
        String code, URI storeUrl, Currency currency, ShopCredentials shopCredentials, Secret webhookSecret,
        URI webhookUrl) {

    public ConnectCompletion {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(storeUrl, "storeUrl");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(shopCredentials, "shopCredentials");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        Objects.requireNonNull(webhookUrl, "webhookUrl");
    }

    @Override
    public String toString() {
        return "ConnectCompletion[storeUrl=" + storeUrl + ", currency=" + currency + ", webhookUrl=" + webhookUrl + "]";
    }
}
