package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.UnknownStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link MappingStore}: pages of mappings, upserts in batches, mark and sweep. */
class MappingStoreTest extends TwoStoresTestBase {

    private static Mapping product(String storeId, String sourceId, long generation) {
        return Mapping.of(storeId, EntityKind.PRODUCT, sourceId, "L-" + sourceId, "fp-" + sourceId, "st-" + sourceId,
                generation, 0, "SYNCED", null);
    }

    private static List<Mapping> page(String storeId, int from, int count, long generation) {
        return IntStream.range(from, from + count).mapToObj(i -> product(storeId, "p" + (1000 + i), generation))
                .toList();
    }

    @Test
    void upsert_insertsAPageAndFindsItBack() {
        List<Mapping> page = page("s1", 0, 100, 1);
        store.mappings().upsert(page);

        Map<String, Mapping> found = store.mappings().findAll("s1", EntityKind.PRODUCT,
                page.stream().map(Mapping::sourceId).toList());

        assertThat(found).hasSize(100);
        assertThat(found.get("p1042")).isEqualTo(new Mapping("s1", EntityKind.PRODUCT, "p1042", "L-p1042", "fp-p1042",
                "st-p1042", 1, 0, "SYNCED", null, clock.instant()));
        assertThat(store.mappings().count("s1", EntityKind.PRODUCT)).isEqualTo(100);
        assertThat(store.mappings().count("s1", EntityKind.ORDER)).isZero();
        assertThat(store.mappings().count("s2", EntityKind.PRODUCT)).isZero();
    }

    @Test
    void upsert_existingRows_areReplacedAndNewOnesInserted() {
        store.mappings().upsert(page("s1", 0, 3, 1));
        clock.advance(Duration.ofSeconds(30));

        Mapping changed = store.mappings().find("s1", EntityKind.PRODUCT, "p1001").orElseThrow()
                .withFingerprints("fp-new", "st-new").withGeneration(2).withResult("FAILED", "HTTP 400: bad price");
        store.mappings().upsert(List.of(changed, product("s1", "p2000", 2)));

        Mapping reread = store.mappings().find("s1", EntityKind.PRODUCT, "p1001").orElseThrow();
        assertThat(reread.fingerprint()).isEqualTo("fp-new");
        assertThat(reread.stockFingerprint()).isEqualTo("st-new");
        assertThat(reread.generation()).isEqualTo(2);
        assertThat(reread.status()).isEqualTo("FAILED");
        assertThat(reread.lastResult()).isEqualTo("HTTP 400: bad price");
        assertThat(reread.updatedAt()).isEqualTo(clock.instant());
        assertThat(store.mappings().find("s1", EntityKind.PRODUCT, "p1000").orElseThrow().updatedAt())
                .isEqualTo(clock.instant().minus(Duration.ofSeconds(30)));
        assertThat(store.mappings().count("s1", EntityKind.PRODUCT)).isEqualTo(4);
    }

    @Test
    void upsert_sameKeyTwiceInOneList_keepsTheLast() {
        store.mappings().upsert(List.of(product("s1", "p1", 1), product("s1", "p1", 1).withTargetId("L-final")));
        assertThat(store.mappings().find("s1", EntityKind.PRODUCT, "p1")).map(Mapping::targetId).contains("L-final");
    }

    @Test
    void upsert_unknownStore_writesNothing() {
        List<Mapping> mixed = new ArrayList<>(page("s1", 0, 2, 1));
        mixed.add(product("ghost", "p1", 1));
        assertThatThrownBy(() -> store.mappings().upsert(mixed)).isInstanceOf(UnknownStoreException.class);
        assertThat(store.mappings().count("s1", EntityKind.PRODUCT)).isZero();
    }

    @Test
    void ordersAndProducts_withTheSameSourceId_areSeparate() {
        Mapping order = Mapping.of("s1", EntityKind.ORDER, "42", "shop-order-7", null, null, 0, 3, "SYNCED", null);
        store.mappings().upsert(List.of(order, product("s1", "42", 1)));

        assertThat(store.mappings().find("s1", EntityKind.ORDER, "42")).map(Mapping::version).contains(3L);
        assertThat(store.mappings().find("s1", EntityKind.PRODUCT, "42")).map(Mapping::targetId).contains("L-42");
        assertThat(store.mappings().findByTarget("s1", EntityKind.ORDER, "shop-order-7")).map(Mapping::sourceId)
                .contains("42");
        assertThat(store.mappings().findByTarget("s1", EntityKind.PRODUCT, "shop-order-7")).isEmpty();
    }

    @Test
    void findAll_manyIds_areQueriedInChunks() {
        store.mappings().upsert(page("s1", 0, 1200, 1));
        List<String> ids = new ArrayList<>(page("s1", 0, 1200, 1).stream().map(Mapping::sourceId).toList());
        ids.add("missing");
        assertThat(store.mappings().findAll("s1", EntityKind.PRODUCT, ids)).hasSize(1200).doesNotContainKey("missing");
        assertThat(store.mappings().findAll("s1", EntityKind.PRODUCT, List.of())).isEmpty();
    }

    @Test
    void markSeenAndUnseenBefore_findWhatACompletePassDidNotSee() {
        store.mappings().upsert(page("s1", 0, 10, 1));
        store.mappings().upsert(page("s2", 0, 10, 1));
        long generation = store.stores().nextGeneration("s1");
        assertThat(generation).isEqualTo(1);
        long second = store.stores().nextGeneration("s1");

        List<String> seen = page("s1", 0, 10, 1).stream().map(Mapping::sourceId)
                .filter(id -> !id.equals("p1003") && !id.equals("p1007")).toList();
        assertThat(store.mappings().markSeen("s1", EntityKind.PRODUCT, seen, second)).isEqualTo(8);

        assertThat(store.mappings().unseenBefore("s1", EntityKind.PRODUCT, second, 100)).extracting(Mapping::sourceId)
                .containsExactly("p1003", "p1007");
        assertThat(store.mappings().unseenBefore("s1", EntityKind.PRODUCT, second, 1)).extracting(Mapping::sourceId)
                .containsExactly("p1003");
        assertThat(store.mappings().unseenBefore("s2", EntityKind.PRODUCT, 1, 100)).isEmpty();

        assertThat(store.mappings().delete("s1", EntityKind.PRODUCT, List.of("p1003", "p1007", "nope"))).isEqualTo(2);
        assertThat(store.mappings().unseenBefore("s1", EntityKind.PRODUCT, second, 100)).isEmpty();
        assertThat(store.mappings().count("s1", EntityKind.PRODUCT)).isEqualTo(8);
        assertThat(store.mappings().count("s2", EntityKind.PRODUCT)).isEqualTo(10);
    }

    @Test
    void pageAfter_walksEveryMappingInOrder() {
        store.mappings().upsert(page("s1", 0, 25, 1));
        List<String> walked = new ArrayList<>();
        String after = "";
        for (int guard = 0; guard < 10; guard++) {
            List<Mapping> next = store.mappings().pageAfter("s1", EntityKind.PRODUCT, after, 10);
            if (next.isEmpty()) {
                break;
            }
            next.forEach(m -> walked.add(m.sourceId()));
            after = next.get(next.size() - 1).sourceId();
        }
        assertThat(walked).hasSize(25).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void mapping_rejectsInvalidValues() {
        assertThatThrownBy(() -> Mapping.of("s1", EntityKind.PRODUCT, " ", null, null, null, 0, 0, "SYNCED", null))
                .hasMessageContaining("source id");
        assertThatThrownBy(() -> Mapping.of("s1", EntityKind.PRODUCT, "1", null, null, null, -1, 0, "SYNCED", null))
                .hasMessageContaining("generation");
        assertThat(Mapping.of("s1", EntityKind.PRODUCT, "1", null, null, null, 0, 0, "FAILED", "x".repeat(5000))
                .lastResult()).hasSize(2000);
    }
}
