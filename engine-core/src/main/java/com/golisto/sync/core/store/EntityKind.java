package com.golisto.sync.core.store;

/** The kinds of entity the engine maps between a shop and a marketplace. */
public enum EntityKind {
    /** A shop product (source id: the shop's product id; target id: the marketplace listing id). */
    PRODUCT,
    /** A marketplace order (source id: the marketplace order id; target id: the shop order id). */
    ORDER
}
