package com.golisto.sync.connector.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.StoreInfo;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.NotFoundException;
import com.golisto.sync.api.spi.StoreInfoSource;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's facts: its currency from {@code /data/currencies/current} (light), its home URL and
 * WooCommerce version from {@code /system_status} (heavy, and it needs {@code manage_woocommerce}: when
 * refused, the configured URL and an unknown version are reported).
 */
final class WooCommerceStoreInfo implements StoreInfoSource {

    private static final Logger LOG = LoggerFactory.getLogger(WooCommerceStoreInfo.class);

    private final WooCommerceHttp http;
    private final String storeId;

    WooCommerceStoreInfo(WooCommerceHttp http, String storeId) {
        this.http = http;
        this.storeId = storeId;
    }

    @Override
    public StoreInfo read() throws InterruptedException {
        Currency currency = WooCommerceCatalogReader.readCurrency(http);
        URI home = http.config().storeUrl();
        String version = "";
        try {
            JsonNode env = http.get("/system_status", "/system_status", List.of()).body().path("environment");
            String reported = env.path("home_url").asText("");
            if (!reported.isBlank()) {
                home = URI.create(reported);
            }
            version = env.path("version").asText("");
        } catch (CredentialsRejectedException | NotFoundException e) {
            LOG.info("store {}: system status not readable ({}); using the configured URL", storeId, e.getMessage());
        }
        return new StoreInfo(home, currency, version.isEmpty() ? "" : "WooCommerce " + version);
    }
}
