package com.golisto.sync.core.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A fresh file-backed state store on a test clock, holding stores s1 and s2; closed after each test. */
abstract class TwoStoresTestBase {

    @TempDir
    Path dir;

    final TestingClock clock = TestingClock.atNoon();
    StateStore store;

    @BeforeEach
    void openStore() {
        store = TestingStateStores.open(dir, clock);
        store.stores().create("s1", "woocommerce", "golisto");
        store.stores().create("s2", "woocommerce", "golisto");
    }

    @AfterEach
    void closeStore() {
        store.close();
    }
}
