package com.golisto.sync.api.model;

import java.net.URI;
import java.util.Currency;

/**
 * Facts a shop states about itself, read rather than typed in by the merchant.
 *
 * @param homeUrl the shop's home URL as it reports it
 * @param currency the shop's currency
 * @param platformVersion the shop software's version (e.g. WooCommerce 8.2.2), empty when unknown
 */
public record StoreInfo(URI homeUrl, Currency currency, String platformVersion) {

    public StoreInfo {
        Checks.required(homeUrl, "home url");
        Checks.required(currency, "currency");
        platformVersion = Checks.orEmpty(platformVersion);
    }
}
