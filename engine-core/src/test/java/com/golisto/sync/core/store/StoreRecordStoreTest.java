package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.StoreSecrets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StoreRecordStore}: stores, their connection state and generations. */
class StoreRecordStoreTest extends StateStoreTestBase {

    private static final String WEBHOOK_SECRET = "whsec-Zm9vYmFyYmF6cXV4";

    @Test
    void create_thenFindAndList_roundTripsEveryField() {
        try (StateStore store = db.open(clock)) {
            StoreRecord created = store.stores().create("shop-1", "woocommerce", "golisto");
            store.stores().create("shop-0", "woocommerce", "golisto");

            assertThat(created).isEqualTo(new StoreRecord("shop-1", "woocommerce", "golisto",
                    ConnectionStatus.DISCONNECTED, null, null, 0, clock.instant(), clock.instant()));
            assertThat(store.stores().find("shop-1")).contains(created);
            assertThat(store.stores().find("nope")).isEmpty();
            assertThat(store.stores().list()).extracting(StoreRecord::id).containsExactly("shop-0", "shop-1");
        }
    }

    @Test
    void create_takenId_isRefused() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            assertThatThrownBy(() -> store.stores().create("shop-1", "woocommerce", "golisto"))
                    .isInstanceOf(StoreAlreadyExistsException.class).hasMessageContaining("shop-1");
        }
    }

    @Test
    void create_invalidId_isRefusedWithTheRule() {
        try (StateStore store = db.open(clock)) {
            assertThatThrownBy(() -> store.stores().create("shop 1", "woocommerce", "golisto"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("store id must be");
        }
    }

    @Test
    void updateConnection_setsStatusAccountAndReason_andRoutesByAccount() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.stores().create("shop-2", "woocommerce", "golisto");
            clock.advance(Duration.ofMinutes(5));

            StoreRecord updated = store.stores().updateConnection("shop-1", ConnectionStatus.AWAITING_APPROVAL, "conn-42",
                    "credentials sent");

            assertThat(updated.status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
            assertThat(updated.accountId()).isEqualTo("conn-42");
            assertThat(updated.statusReason()).isEqualTo("credentials sent");
            assertThat(updated.updatedAt()).isEqualTo(clock.instant());
            assertThat(updated.createdAt()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
            assertThat(store.stores().findByAccount("conn-42")).map(StoreRecord::id).contains("shop-1");
            assertThat(store.stores().findByAccount("conn-43")).isEmpty();

            store.stores().updateConnection("shop-1", ConnectionStatus.DISCONNECTED, null, null);
            assertThat(store.stores().findByAccount("conn-42")).isEmpty();
            assertThatThrownBy(() -> store.stores().updateConnection("ghost", ConnectionStatus.APPROVED, null, null))
                    .isInstanceOf(UnknownStoreException.class).hasMessageContaining("ghost");
        }
    }

    @Test
    void nextGeneration_growsPerStoreAndSurvivesReopen() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("a", "woocommerce", "golisto");
            store.stores().create("b", "woocommerce", "golisto");
            assertThat(store.stores().nextGeneration("a")).isEqualTo(1);
            assertThat(store.stores().nextGeneration("a")).isEqualTo(2);
            assertThat(store.stores().nextGeneration("b")).isEqualTo(1);
        }
        try (StateStore store = db.open(clock)) {
            assertThat(store.stores().nextGeneration("a")).isEqualTo(3);
            assertThat(store.stores().find("a")).map(StoreRecord::generation).contains(3L);
            assertThatThrownBy(() -> store.stores().nextGeneration("ghost")).isInstanceOf(UnknownStoreException.class);
        }
    }

    @Test
    void delete_removesEverythingKeptForIt() {
        try (StateStore store = db.open(clock)) {
            store.stores().create("shop-1", "woocommerce", "golisto");
            store.secrets().put("shop-1", StoreSecrets.WEBHOOK_SECRET, Secret.of(WEBHOOK_SECRET));
            store.cursors().save("shop-1", "catalog", "x");
            store.mappings().upsert(List.of(Mapping.of("shop-1", EntityKind.PRODUCT, "1", "L1", "f", "s", 1, 0, "SYNCED", null)));
            store.runs().start("shop-1", RunKind.FULL);

            assertThat(store.stores().delete("shop-1")).isTrue();

            assertThat(store.stores().find("shop-1")).isEmpty();
            assertThat(store.secrets().find("shop-1", StoreSecrets.WEBHOOK_SECRET)).isEmpty();
            assertThat(store.mappings().count("shop-1", EntityKind.PRODUCT)).isZero();
            assertThat(store.runs().recent("shop-1", 10)).isEmpty();
            assertThat(store.stores().delete("shop-1")).isFalse();
        }
    }
}
