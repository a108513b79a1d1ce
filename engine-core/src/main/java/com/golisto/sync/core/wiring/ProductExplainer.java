package com.golisto.sync.core.wiring;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.core.ConnectFlowException;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.catalog.CatalogPlanner;
import com.golisto.sync.core.runs.Runs;
import com.golisto.sync.core.runtime.StoreRuntime;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.EntityKind;
import com.golisto.sync.core.store.LedgerEntry;
import com.golisto.sync.core.store.Mapping;
import com.golisto.sync.core.store.StateStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Answers "why is product X (not) on the marketplace": one read of the product through the shop connector, its
 * mapping and ledger entry from the state store, and the store's latest runs.
 */
final class ProductExplainer {

    private static final int RUNS = 5;

    private final StateStore store;
    private final StoreRuntimes runtimes;
    private final Runs runs;

    ProductExplainer(StateStore store, StoreRuntimes runtimes, Runs runs) {
        this.store = store;
        this.runtimes = runtimes;
        this.runs = runs;
    }

    ProductExplanation explain(String storeId, String productIdOrSku) throws InterruptedException {
        StoreRuntime runtime = runtimes.of(storeId);
        String productId = resolve(storeId, productIdOrSku);
        CatalogSource source = runtime.shop().catalogSource().orElseThrow(() -> new ConnectFlowException(
                "the shop connector of store " + storeId + " cannot read a catalog"));
        Optional<Product> now = source.read(productId);
        Optional<Mapping> mapping = store.mappings().find(storeId, EntityKind.PRODUCT, productId);
        Optional<LedgerEntry> entry = store.ledger().find(storeId, productId);
        String decision = now.map(p -> p.status() == ProductStatus.ACTIVE
                        ? "listable" : "not listable: " + CatalogPlanner.notListableReason(p))
                .orElse("not listable: " + CatalogPlanner.REMOVED);
        return new ProductExplanation(storeId, productId, now.orElse(null), mapping.isPresent(),
                mapping.map(Mapping::targetId).orElse(null), decision,
                entry.map(LedgerEntry::outcome).orElse(null), entry.map(LedgerEntry::reason).orElse(null),
                entry.map(LedgerEntry::sentAction).orElse(null), entry.map(LedgerEntry::remoteAnswer).orElse(null),
                entry.map(LedgerEntry::shopVersion).orElse(null), entry.map(LedgerEntry::updatedAt).orElse(null),
                runs.recent(storeId, RUNS));
    }

    /** The product id a text names: a product's id the ledger knows, else the id of the product with that SKU. */
    private String resolve(String storeId, String productIdOrSku) {
        if (store.ledger().find(storeId, productIdOrSku).isPresent()) {
            return productIdOrSku;
        }
        return store.ledger().findBySku(storeId, productIdOrSku).stream().findFirst()
                .map(LedgerEntry::productId).orElse(productIdOrSku);
    }

    List<ProductSummary> find(String storeId, String text, @Nullable String afterProductId, int limit) {
        return store.ledger().search(storeId, text, afterProductId, limit).stream()
                .map(e -> new ProductSummary(e.productId(), e.sku(), e.title(), e.outcome(), e.reason(),
                        Objects.requireNonNull(e.updatedAt(), "updatedAt")))
                .toList();
    }
}
