package com.golisto.sync.connector.woocommerce;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorContext;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The WooCommerce connector's entry point (id {@code woocommerce}), found through
 * {@link java.util.ServiceLoader}. Holds no per-store state; thread-safe.
 */
public final class WooCommerceConnectorProvider implements ConnectorProvider {

    static final String URL = "url";
    static final String CONSUMER_KEY = "consumer-key";
    static final String CONSUMER_SECRET = "consumer-secret";
    static final String AUTH = "auth";
    static final String MAX_CONCURRENCY = "max-concurrency";
    static final String ADAPTIVE_CONCURRENCY = "adaptive-concurrency";
    static final String REQUEST_TIMEOUT = "request-timeout";
    static final String PAGE_SIZE = "page-size";
    static final String CURSOR_OVERLAP = "cursor-overlap";
    static final String ORDER_LOOKBACK = "order-lookback";
    static final String STRICT_DELIVERY_URLS = "strict-delivery-urls";
    static final String MAX_RESPONSE_BYTES = "max-response-bytes";
    static final String VERSION = "0.1.0";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor("woocommerce", "WooCommerce", VERSION, SpiVersion.CURRENT,
            Set.of(Capability.CATALOG_SOURCE, Capability.ORDER_TARGET, Capability.WEBHOOK_RECEIVER,
                    Capability.WEBHOOK_SUBSCRIPTIONS, Capability.CREDENTIAL_ISSUER, Capability.STORE_INFO),
            List.of(
                    SettingSpec.required(URL, SettingType.URL,
                            "The store's home URL exactly as WooCommerce reports it (scheme, www. and port included)."),
                    SettingSpec.secret(CONSUMER_KEY, false,
                            "The REST API consumer key (ck_...); empty until the merchant grants keys."),
                    SettingSpec.secret(CONSUMER_SECRET, false,
                            "The REST API consumer secret (cs_...); empty until the merchant grants keys."),
                    SettingSpec.optional(AUTH, SettingType.STRING, "auto",
                            "auto (Basic over https, OAuth 1.0a over http), basic or oauth1."),
                    SettingSpec.optional(MAX_CONCURRENCY, SettingType.INTEGER, "4",
                            "Requests in flight toward this store at once (shared hosting falls over easily)."),
                    SettingSpec.optional(ADAPTIVE_CONCURRENCY, SettingType.BOOLEAN, "true",
                            "Whether the engine adapts the requests in flight to the store (AIMD, at most max-concurrency)."),
                    SettingSpec.optional(REQUEST_TIMEOUT, SettingType.DURATION, "PT60S",
                            "Timeout of one request; WooCommerce pages of 100 products can take seconds."),
                    SettingSpec.optional(PAGE_SIZE, SettingType.INTEGER, "100",
                            "Products per list page, 1 to 100."),
                    SettingSpec.optional(CURSOR_OVERLAP, SettingType.DURATION, "PT2M",
                            "Incremental reads start this long before the previous read began (clock skew)."),
                    SettingSpec.optional(ORDER_LOOKBACK, SettingType.DURATION, "PT1H",
                            "Looking for a sale's order starts this long before the sale was made."),
                    SettingSpec.optional(STRICT_DELIVERY_URLS, SettingType.BOOLEAN, "true",
                            "Judge webhook URLs as WordPress does (no loopback or private hosts, ports 80, 443, 8080);"
                                    + " false only for stores that allow more (the sandbox, or http_allowed_safe_ports)."),
                    SettingSpec.optional(MAX_RESPONSE_BYTES, SettingType.INTEGER, "33554432",
                            "The largest response body read from the store, in bytes (1024 to 1073741824; default"
                                    + " 32 MiB); a larger answer fails the call instead of exhausting the heap.")));

    /** Creates the provider (ServiceLoader needs a public no-argument constructor). */
    public WooCommerceConnectorProvider() {
    }

    @Override
    public String id() {
        return DESCRIPTOR.id();
    }

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Connector open(Settings settings, ConnectorContext context) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(context, "context");
        return new WooCommerceConnector(WooCommerceConfig.from(settings), context);
    }
}
