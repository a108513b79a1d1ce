package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.core.testing.EngineHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bad stored value of one store puts that store in an error state; the engine opens and the others run. */
class UnreadableStoredValuesTest {

    static final String BROKEN = "shop-2";

    EngineHarness h;

    @BeforeEach
    void open() {
        h = EngineHarness.create().seedCatalog();
        h.open();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void badStoredStatusOfOneStore_engineOpens_listsItWithTheReason_andTheOtherStoreSyncs() throws Exception {
        h.approvedStore();
        h.register(BROKEN);
        h.closeEngine();
        assertThat(h.execute("UPDATE stores SET status = 'xyz' WHERE id = '" + BROKEN + "'")).isOne();

        SyncEngine engine = h.open();

        StoreView broken = engine.store(BROKEN).orElseThrow();
        assertThat(broken.failed()).isTrue();
        assertThat(broken.error()).isEqualTo("unreadable stored status 'xyz'");
        assertThat(broken.reason()).contains("unreadable stored status 'xyz'");
        assertThat(broken.approved()).isFalse();
        assertThat(engine.stores()).extracting(StoreView::id).containsExactly(STORE, BROKEN);
        assertThatThrownBy(() -> engine.syncAndWait(BROKEN, SyncMode.FULL))
                .isInstanceOf(NotApprovedException.class).hasMessageContaining("unreadable stored status 'xyz'");

        StoreView healthy = engine.store(STORE).orElseThrow();
        assertThat(healthy.failed()).isFalse();
        assertThat(healthy.status()).isEqualTo(ConnectionStatus.APPROVED);
        assertThat(engine.syncAndWait(STORE, SyncMode.FULL).status()).isEqualTo(RunStatus.SUCCEEDED);
    }
}
