package com.golisto.sync.core.wiring;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.model.Image;
import com.golisto.sync.api.model.Listing;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.SyncException;
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
import com.golisto.sync.core.store.StoreRecord;
import java.util.ArrayList;
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
                runs.recent(storeId, RUNS), marketplaceCopy(storeId, runtime, productId, now.orElse(null)));
    }

    /** What the marketplace holds for the product: one read, only for an approved store; a failure is named. */
    private ProductExplanation.MarketplaceCopy marketplaceCopy(String storeId, StoreRuntime runtime, String productId,
            @Nullable Product shop) throws InterruptedException {
        StoreRecord record = store.stores().find(storeId).orElse(null);
        if (record == null || record.status() != ConnectionStatus.APPROVED) {
            return ProductExplanation.MarketplaceCopy.notRead("the store is not approved by the marketplace");
        }
        Optional<CatalogTarget> target = runtime.marketplace().catalogTarget();
        if (target.isEmpty()) {
            return ProductExplanation.MarketplaceCopy.notRead("the marketplace connector holds no catalog");
        }
        Optional<Listing> listing;
        try {
            listing = target.get().readListing(productId);
        } catch (SyncException e) {
            String message = e.getMessage();
            return ProductExplanation.MarketplaceCopy.notRead("the marketplace could not be read: "
                    + (message == null ? e.getClass().getSimpleName() : message));
        }
        Product held = listing.map(Listing::product).orElse(null);
        return new ProductExplanation.MarketplaceCopy(held,
                held == null || shop == null ? List.of() : differences(shop, held), null);
    }

    /** The fields in which the marketplace's copy differs from the shop's product. */
    static List<String> differences(Product shop, Product held) {
        List<String> differ = new ArrayList<>();
        check(differ, "title", shop.title(), held.title());
        check(differ, "status", shop.status(), held.status());
        check(differ, "price", shop.price(), held.price());
        check(differ, "sale price", shop.salePrice(), held.salePrice());
        check(differ, "stock", shop.stock(), held.stock());
        check(differ, "description", shop.descriptionHtml(), held.descriptionHtml());
        check(differ, "images", shop.images().stream().map(Image::url).toList(),
                held.images().stream().map(Image::url).toList());
        check(differ, "variants", shop.variants(), held.variants());
        return differ;
    }

    private static void check(List<String> differ, String field, @Nullable Object shop, @Nullable Object held) {
        if (!Objects.equals(shop, held)) {
            differ.add(field);
        }
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
