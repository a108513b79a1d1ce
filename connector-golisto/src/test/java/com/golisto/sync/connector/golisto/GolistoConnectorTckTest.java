package com.golisto.sync.connector.golisto;

import com.golisto.sync.tck.MarketplaceConnectorContract;
import com.golisto.sync.tck.MarketplaceFixture;

/** The Golisto connector passes the marketplace connector TCK against the Golisto emulator. */
class GolistoConnectorTckTest extends MarketplaceConnectorContract {

    @Override
    protected MarketplaceFixture createFixture() throws InterruptedException {
        return new GolistoTckFixture();
    }
}
