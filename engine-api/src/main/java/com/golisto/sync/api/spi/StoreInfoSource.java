package com.golisto.sync.api.spi;

import com.golisto.sync.api.model.StoreInfo;

/** Reads facts a shop states about itself (currency, home URL, version). */
public interface StoreInfoSource {

    /** Reads them now. */
    StoreInfo read() throws InterruptedException;
}
