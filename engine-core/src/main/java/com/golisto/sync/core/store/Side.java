package com.golisto.sync.core.store;

/** Which connector of a store a group of settings belongs to. */
public enum Side {
    /** The shop connector (e.g. WooCommerce). */
    SHOP,
    /** The marketplace connector (e.g. Golisto). */
    MARKETPLACE
}
