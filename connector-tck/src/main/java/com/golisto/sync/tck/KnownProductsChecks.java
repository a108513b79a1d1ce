package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.CatalogPage;
import com.golisto.sync.api.model.KnownProduct;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.Variant;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.KnownProducts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads given what the engine holds ({@link CatalogSource#readAll(String, KnownProducts)}): each product of a
 * page is either read whole or, only when its version equals the held one, answered unchanged; a changed product
 * comes back whole; a product held without a version is read whole.
 */
final class KnownProductsChecks {

    private KnownProductsChecks() {
    }

    static void unchangedOnlyAtTheHeldVersion(ShopFixture fixture, CatalogSource source) throws Exception {
        String simple = fixture.addProduct("TCK known simple", "10.00", 5);
        String variable = fixture.addVariableProduct("TCK known variable", List.of("S", "M"));
        fixture.advanceTime(CatalogSourceChecks.LONG_AGO);
        Passes.Pass first = Passes.all(source, KnownProducts.none());
        for (CatalogPage page : first.pages()) {
            assertThat(page.unchanged()).as("with nothing known, every product is read whole").isEmpty();
        }
        Map<String, KnownProduct> held = held(first, null);
        Passes.Pass second = Passes.all(source, ids -> held);
        checkPages(second, held);
        assertThat(second.ids()).as("a read given what is held still covers every product").contains(simple, variable);

        fixture.rename(variable, "TCK known variable renamed");
        fixture.setStock(simple, null, 3);
        fixture.advanceTime(CatalogSourceChecks.LONG_AGO);
        Passes.Pass third = Passes.all(source, ids -> held);
        checkPages(third, held);
        assertThat(third.product(variable)).as("a product changed since its held version is read whole")
                .hasValueSatisfying(p -> {
                    assertThat(p.title()).isEqualTo("TCK known variable renamed");
                    assertThat(p.variants()).hasSize(2);
                });
        assertThat(third.product(simple)).as("a product whose stock changed since its held version is read whole")
                .hasValueSatisfying(p -> assertThat(p.stock().quantity()).isEqualTo(3));
        KnownProduct heldVariable = held.get(variable);
        String before = heldVariable == null ? null : heldVariable.version();
        String now = version(third, variable);
        if (before != null && now != null) {
            assertThat(now).as("the version of a renamed product changes").isNotEqualTo(before);
        }

        Map<String, KnownProduct> withoutVersions = held(third, "none");
        Passes.Pass fourth = Passes.all(source, ids -> withoutVersions);
        assertThat(fourth.pages()).as("a product held without a version is read whole")
                .allSatisfy(p -> assertThat(p.unchanged()).isEmpty());
    }

    /** What the engine would hold after this read; versionless when {@code drop} is given. */
    private static Map<String, KnownProduct> held(Passes.Pass pass, @Nullable String drop) {
        Map<String, KnownProduct> held = new HashMap<>();
        for (CatalogPage page : pass.pages()) {
            for (Product p : page.products()) {
                Map<String, String> skus = new HashMap<>();
                for (Variant v : p.variants()) {
                    if (v.sku() != null) {
                        skus.put(v.id(), v.sku());
                    }
                }
                held.put(p.id(), new KnownProduct(drop == null ? page.versions().get(p.id()) : null, skus));
            }
        }
        return held;
    }

    private static @Nullable String version(Passes.Pass pass, String id) {
        for (CatalogPage page : pass.pages()) {
            if (page.versions().containsKey(id)) {
                return page.versions().get(id);
            }
        }
        return null;
    }

    private static void checkPages(Passes.Pass pass, Map<String, KnownProduct> held) {
        Set<String> seen = new HashSet<>();
        for (CatalogPage page : pass.pages()) {
            for (Product p : page.products()) {
                assertThat(seen.add(p.id())).as("product %s appears once in a read", p.id()).isTrue();
            }
            for (String id : page.unchanged()) {
                assertThat(seen.add(id)).as("product %s appears once in a read (whole or unchanged)", id).isTrue();
                KnownProduct mine = held.get(id);
                assertThat(mine).as("product %s is answered unchanged but nothing of it is held", id).isNotNull();
                if (mine == null) {
                    return;
                }
                assertThat(mine.version()).as("product %s is answered unchanged though held without a version", id)
                        .isNotNull();
                assertThat(page.versions().get(id)).as("product %s is answered unchanged at another version", id)
                        .isEqualTo(mine.version());
            }
        }
    }
}
