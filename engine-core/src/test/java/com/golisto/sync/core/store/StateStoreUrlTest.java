package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Opening the store on a URL no database answers (once: no database of the suite is involved). */
class StateStoreUrlTest {

    private final TestingClock clock = TestingClock.atNoon();

    @Test
    void open_unreachableDatabase_failsWithStateStoreException() {
        assertThatThrownBy(() -> StateStore.open("jdbc:nosuchdriver://localhost/x?password=hunter2",
                TestingStateStores.KEY, clock))
                .isInstanceOf(StateStoreException.class)
                .hasMessageContaining("jdbc:nosuchdriver://localhost/x")
                .hasMessageNotContaining("hunter2")
                .hasNoCause();
    }
}
