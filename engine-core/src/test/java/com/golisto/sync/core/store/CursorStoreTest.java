package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.UnknownStoreException;
import org.junit.jupiter.api.Test;

/** {@link CursorStore}: named cursors per store. */
class CursorStoreTest extends StateStoreTestBase {

    @Test
    void cursors_roundTripAndOverwrite() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            assertThat(store.cursors().find("shop-1", "catalog")).isEmpty();
            store.cursors().save("shop-1", "catalog", "2026-03-01T10:00:00Z");
            store.cursors().save("shop-1", "catalog", "2026-03-01T11:00:00Z");
            store.cursors().save("shop-1", "orders", "17");

            assertThat(store.cursors().find("shop-1", "catalog")).contains("2026-03-01T11:00:00Z");
            assertThat(store.cursors().find("shop-1", "orders")).contains("17");
            assertThat(store.cursors().delete("shop-1", "orders")).isTrue();
            assertThat(store.cursors().find("shop-1", "orders")).isEmpty();
            assertThatThrownBy(() -> store.cursors().save("ghost", "catalog", "x"))
                    .isInstanceOf(UnknownStoreException.class);
        }
    }
}
