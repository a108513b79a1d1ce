package com.example.golisto.jsonshop;

import com.golisto.sync.tck.ShopConnectorContract;
import com.golisto.sync.tck.ShopFixture;

/** The JSON shop connector passes the shop connector TCK (docs/tck.md) against the test JSON shop. */
class JsonShopConnectorTckTest extends ShopConnectorContract {

    @Override
    protected ShopFixture createFixture() throws Exception {
        return new JsonShopTckFixture();
    }
}
