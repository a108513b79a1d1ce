package com.golisto.sync.connector.woocommerce;

import com.golisto.sync.tck.ShopConnectorContract;
import com.golisto.sync.tck.ShopFixture;

/** The WooCommerce connector passes the shop connector TCK against the WooCommerce emulator. */
class WooCommerceConnectorTckTest extends ShopConnectorContract {

    @Override
    protected ShopFixture createFixture() {
        return new WooCommerceTckFixture();
    }
}
