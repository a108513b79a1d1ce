package com.golisto.sync.core.store;

/** Column sizes of the schema (see {@code db-migration/V1__state_store.sql}), checked before writing. */
final class Limits {

    static final int ID = 255;
    static final int NAME = 100;
    static final int KIND = 64;
    static final int FINGERPRINT = 128;
    static final int FIELD_FINGERPRINTS = 1000;
    static final int STOCK_LEVELS = 16_000;
    static final int STATUS = 32;
    static final int MESSAGE = 2000;
    static final int TITLE = 500;
    static final int VALUE = 4000;
    static final int SEALED = 8000;
    static final int PAYLOAD = 1_000_000;

    private Limits() {
    }
}
