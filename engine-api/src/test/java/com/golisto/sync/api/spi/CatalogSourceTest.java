package com.golisto.sync.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Page;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogSourceTest {

    /** A shop holding products 1 and 2, where "2v" is a variant of product 2. */
    private static final class TestingSource implements CatalogSource {
        final List<String> reads = new ArrayList<>();

        @Override
        public Page<Product> readAll(String pageToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<Product> readChanged(Cursor since, String pageToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Product> read(String productId) {
            reads.add(productId);
            String parent = productId.replace("v", "");
            return parent.equals("1") || parent.equals("2") ? Optional.of(product(parent)) : Optional.empty();
        }

        private static Product product(String id) {
            return new Product(id, null, "P" + id, "", "", ProductStatus.ACTIVE, Money.of("1", "EUR"), null,
                    StockLevel.untracked(StockStatus.IN_STOCK), null, List.of(), List.of(), Map.of(), List.of(), null);
        }
    }

    @Test
    void readMany_byDefault_readsEachDistinctIdOnce_leavesOutTheGone_andListsEachProductOnce() throws Exception {
        TestingSource source = new TestingSource();

        List<Product> products = source.readMany(List.of("1", "2", "2v", "9", "1"));

        assertThat(products).extracting(Product::id).containsExactly("1", "2");
        assertThat(source.reads).containsExactly("1", "2", "2v", "9");
    }
}
