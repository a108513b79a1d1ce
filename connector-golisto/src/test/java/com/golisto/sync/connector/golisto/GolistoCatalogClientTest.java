package com.golisto.sync.connector.golisto;

import static com.golisto.sync.connector.golisto.GolistoTestProducts.listing;
import static com.golisto.sync.connector.golisto.GolistoTestProducts.simple;
import static com.golisto.sync.connector.golisto.GolistoTestProducts.variable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.CatalogBatch;
import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.api.model.WriteResult.Outcome;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.CredentialsRejectedException;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GolistoCatalogClientTest {

    private final GolistoTestStore store = new GolistoTestStore();
    private final CatalogTarget catalog = store.connector.catalogTarget().orElseThrow();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void limits_areTheContracts() {
        assertThat(catalog.maxBatchSize()).isEqualTo(100);
        assertThat(catalog.maxInventoryBatchSize()).isEqualTo(500);
    }

    @Test
    void apply_createsListings_withMoneyAsDecimalStrings() throws InterruptedException {
        store.connectAndApprove();

        List<WriteResult> results = catalog.apply(new CatalogBatch(
                List.of(listing(simple("10", "19.90", "EUR"), "fp-10"), listing(variable("20"), "fp-20")), List.of()));

        assertThat(results).extracting(WriteResult::productId, WriteResult::outcome)
                .containsExactly(Tuple.tuple("10", Outcome.CREATED),
                        Tuple.tuple("20", Outcome.CREATED));
        assertThat(results).allSatisfy(r -> assertThat(r.targetId()).startsWith("lst_"));
        GolistoListing held = store.golisto.listing(store.connectionId, "20").orElseThrow();
        JsonNode json = held.json();
        assertThat(json.get("price").isTextual()).isTrue();
        assertThat(json.get("price").asText()).isEqualTo("20.00");
        assertThat(json.at("/variants/0/sale_price").asText()).isEqualTo("15.50");
        assertThat(json.at("/variants/1/price").asText()).isEqualTo("22.125");
        assertThat(json.at("/variants/1/quantity").isNull()).isTrue();
        assertThat(json.at("/variants/1/stock_status").asText()).isEqualTo("backorder");
        assertThat(json.get("fingerprint").asText()).isEqualTo("fp-20");
        assertThat(store.golisto.listing(store.connectionId, "10").orElseThrow().price())
                .isEqualByComparingTo(new BigDecimal("19.90"));
    }

    @Test
    void apply_sameFingerprint_isUnchanged_otherContent_isUpdated_deleteIsDeleted() throws InterruptedException {
        store.connectAndApprove();
        catalog.apply(new CatalogBatch(List.of(listing(simple("10", "19.90", "EUR"), "fp-1")), List.of()));

        List<WriteResult> again = catalog.apply(new CatalogBatch(
                List.of(listing(simple("10", "19.90", "EUR"), "fp-1")), List.of()));
        List<WriteResult> changed = catalog.apply(new CatalogBatch(
                List.of(listing(simple("10", "24.00", "EUR"), "fp-2")), List.of()));
        List<WriteResult> deleted = catalog.apply(new CatalogBatch(List.of(), List.of("10")));

        assertThat(again).extracting(WriteResult::outcome).containsExactly(Outcome.UNCHANGED);
        assertThat(changed).extracting(WriteResult::outcome).containsExactly(Outcome.UPDATED);
        assertThat(deleted).extracting(WriteResult::outcome).containsExactly(Outcome.DELETED);
        assertThat(store.golisto.listings(store.connectionId)).isEmpty();
    }

    @Test
    void apply_deleteOfAnUnknownListing_countsAsDeleted() throws InterruptedException {
        store.connectAndApprove();

        assertThat(catalog.apply(new CatalogBatch(List.of(), List.of("404"))))
                .singleElement().satisfies(r -> assertThat(r.outcome()).isEqualTo(Outcome.DELETED));
    }

    @Test
    void apply_itemGolistoRefuses_isFailedWithTheServersMessage_othersGoThrough() throws InterruptedException {
        store.connectAndApprove();

        List<WriteResult> results = catalog.apply(new CatalogBatch(
                List.of(listing(simple("1", "5.00", "USD"), "fp"), listing(simple("2", "5.00", "EUR"), "fp"),
                        listing(simple("3", "0.12345", "EUR"), "fp")),
                List.of("2")));

        assertThat(results).extracting(WriteResult::outcome)
                .containsExactly(Outcome.FAILED, Outcome.CREATED, Outcome.FAILED, Outcome.DELETED);
        assertThat(results.get(0).error().code()).isEqualTo("validation_failed");
        assertThat(results.get(0).error().message()).contains("currency must be EUR");
        assertThat(results.get(0).error().retryable()).isFalse();
        assertThat(results.get(2).error().message()).contains("price must be a decimal string with at most 4 decimals");
    }

    @Test
    void apply_moreThanTheLimit_isRefusedBeforeAnyRequest() throws InterruptedException {
        store.connectAndApprove();
        List<Listing> upserts = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            upserts.add(listing(simple("p" + i, "1.00", "EUR"), "fp"));
        }

        assertThatThrownBy(() -> catalog.apply(new CatalogBatch(upserts, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 100");
        assertThat(store.golisto.requests().count("POST /api/woocommerce/catalog/batch")).isZero();
    }

    @Test
    void apply_exactlyTheLimit_goesInOneCall() throws InterruptedException {
        store.connectAndApprove();
        List<Listing> upserts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            upserts.add(listing(simple("p" + i, "1.00", "EUR"), "fp"));
        }

        assertThat(catalog.apply(new CatalogBatch(upserts, List.of()))).hasSize(100)
                .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Outcome.CREATED));
        assertThat(store.golisto.requests().count("POST /api/woocommerce/catalog/batch")).isEqualTo(1);
    }

    @Test
    void applyInventory_updatesStock_reportsUnchangedAndUnknown() throws InterruptedException {
        store.connectAndApprove();
        catalog.apply(new CatalogBatch(List.of(listing(simple("10", "9.00", "EUR"), "fp"),
                listing(variable("20"), "fp")), List.of()));

        List<WriteResult> results = catalog.applyInventory(List.of(
                new InventoryUpdate("10", null, StockLevel.of(0, StockStatus.OUT_OF_STOCK)),
                new InventoryUpdate("20", "20-blue", StockLevel.of(3, StockStatus.IN_STOCK)),
                new InventoryUpdate("20", "20-red", StockLevel.of(7, StockStatus.IN_STOCK)),
                new InventoryUpdate("30", null, StockLevel.of(1, StockStatus.IN_STOCK)),
                new InventoryUpdate("20", "20-green", StockLevel.of(1, StockStatus.IN_STOCK))));

        assertThat(results).extracting(WriteResult::outcome).containsExactly(
                Outcome.UPDATED, Outcome.UNCHANGED, Outcome.UPDATED, Outcome.FAILED, Outcome.FAILED);
        assertThat(results.get(2).variantId()).isEqualTo("20-red");
        assertThat(results.get(3).error().code()).isEqualTo("not_found");
        assertThat(results.get(4).error().message()).contains("no variant 20-green");
        GolistoListing held = store.golisto.listing(store.connectionId, "10").orElseThrow();
        assertThat(held.stock().quantity()).isZero();
        assertThat(held.stock().stockStatus()).isEqualTo("out_of_stock");
        assertThat(store.golisto.listing(store.connectionId, "20").orElseThrow().variantStock("20-red").orElseThrow()
                .quantity()).isEqualTo(7);
    }

    @Test
    void applyInventory_moreThan500_isRefusedBeforeAnyRequest() {
        List<InventoryUpdate> updates = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            updates.add(new InventoryUpdate("p" + i, null, StockLevel.of(1, StockStatus.IN_STOCK)));
        }

        assertThatThrownBy(() -> catalog.applyInventory(updates)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.golisto.requests().total()).isZero();
    }

    @Test
    void readListing_returnsTheProductAsSent_andEmptyWhenUnknown() throws InterruptedException {
        store.connectAndApprove();
        Product product = variable("20");
        catalog.apply(new CatalogBatch(List.of(listing(product, "fp-20")), List.of()));

        assertThat(catalog.readListing("20")).contains(listing(product, "fp-20"));
        assertThat(catalog.readListing("nope")).isEmpty();
    }

    @Test
    void readListing_idWithSpaceAndPlus_isEncodedInThePath() throws InterruptedException {
        store.connectAndApprove();
        Product product = simple("a b+c", "3.00", "EUR");
        catalog.apply(new CatalogBatch(List.of(listing(product, "fp")), List.of()));

        assertThat(catalog.readListing("a b+c")).hasValueSatisfying(l -> assertThat(l.product().price())
                .isEqualTo(Money.of("3.00", "EUR")));
    }

    @Test
    void beforeApproval_everyCatalogCall_isNotApproved() throws InterruptedException {
        store.connect();

        assertThatThrownBy(() -> catalog.apply(new CatalogBatch(List.of(listing(simple("1", "1.00", "EUR"), "fp")),
                List.of()))).isInstanceOf(NotApprovedException.class).hasMessageContaining("not_approved");
        assertThatThrownBy(() -> catalog.applyInventory(List.of(new InventoryUpdate("1", null,
                StockLevel.of(1, StockStatus.IN_STOCK))))).isInstanceOf(NotApprovedException.class);
        assertThatThrownBy(() -> catalog.readListing("1")).isInstanceOf(NotApprovedException.class);
    }

    @Test
    void afterGolistoDisconnects_catalogCallsAreNotApproved() throws InterruptedException {
        store.connectAndApprove();
        store.golisto.disconnectByGolisto(store.connectionId, "closed");

        assertThatThrownBy(() -> catalog.readListing("1")).isInstanceOf(NotApprovedException.class);
    }

    @Test
    void withARevokedToken_catalogCallsAreCredentialsRejected() throws InterruptedException {
        store.connectAndApprove();
        store.connector.connectionLifecycle().orElseThrow().disconnect();
        CatalogTarget stale = store.open(Map.of("connection-id", store.connectionId, "api-token", store.apiToken))
                .catalogTarget().orElseThrow();

        assertThatThrownBy(() -> stale.readListing("1")).isInstanceOf(CredentialsRejectedException.class)
                .hasMessageNotContaining(store.apiToken);
    }
}
