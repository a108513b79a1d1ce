package com.golisto.sync.core.inventory;

import com.golisto.sync.api.model.InventoryUpdate;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.WriteResult;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.InvalidItemException;
import com.golisto.sync.core.runs.Batches;
import com.golisto.sync.core.runs.Failures;
import com.golisto.sync.core.runs.ItemResults;
import com.golisto.sync.core.runs.Payloads;
import com.golisto.sync.core.runs.RemoteCalls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The stock-only path: sends the stock of products whose listing is otherwise unchanged, in batches up to
 * {@link CatalogTarget#maxInventoryBatchSize()}, and says per product how it went. A product whose items
 * failed retryably is retried alone; one the marketplace no longer lists (or whose whole batch it refused)
 * is reported {@link Outcome#LISTING_GONE}, for the caller to send whole; a permanent refusal goes to the
 * dead letters. Stateless apart from its collaborators; one per pipeline run.
 */
public final class InventoryWriter {

    /** How one product's stock update went. */
    public enum Outcome {
        /** The marketplace took every update. */
        WRITTEN,
        /** The listing is gone or incomplete at the marketplace: send the whole product instead. */
        LISTING_GONE,
        /** Refused for good; the product is in the dead letters. */
        GIVEN_UP
    }

    /**
     * One product's stock to send.
     *
     * @param product the product as read (for the dead letter's payload)
     * @param updates its stock updates (the product's and each variant's)
     */
    public record StockItem(Product product, List<InventoryUpdate> updates) {
        public StockItem {
            Objects.requireNonNull(product, "product");
            updates = List.copyOf(updates);
        }
    }

    private final CatalogTarget target;
    private final RemoteCalls calls;
    private final Failures failures;

    /** Writes to {@code target} through {@code calls}; gives up on items into {@code failures}. */
    public InventoryWriter(CatalogTarget target, RemoteCalls calls, Failures failures) {
        this.target = target;
        this.calls = calls;
        this.failures = failures;
    }

    /**
     * Sends the items' stock; when a product appears twice, its last item counts for the outcome (the
     * updates of both are sent).
     *
     * @return each product's outcome, in the order the products first appear
     */
    public Map<String, Outcome> send(List<StockItem> items) throws InterruptedException {
        Map<String, StockItem> byProduct = new LinkedHashMap<>();
        List<InventoryUpdate> updates = new ArrayList<>();
        for (StockItem item : items) {
            byProduct.put(item.product().id(), item);
            updates.addAll(item.updates());
        }
        Map<String, List<WriteResult>> failed = new LinkedHashMap<>();
        for (List<InventoryUpdate> chunk : Batches.of(updates, target.maxInventoryBatchSize())) {
            List<WriteResult> results;
            try {
                results = calls.marketplace("inventory batch of " + chunk.size(), () -> target.applyInventory(chunk));
            } catch (InvalidItemException e) {
                // the marketplace refused the whole batch: send these products whole instead
                chunk.stream().map(InventoryUpdate::productId).distinct()
                        .forEach(id -> failed.computeIfAbsent(id, k -> new ArrayList<>()).add(WriteResult.failed(id,
                                null, WriteResult.ItemError.notFound("batch_refused",
                                        Objects.requireNonNullElse(e.getMessage(), "")))));
                continue;
            }
            for (WriteResult result : results) {
                if (!result.succeeded()) {
                    failed.computeIfAbsent(result.productId(), k -> new ArrayList<>()).add(result);
                }
            }
        }
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        for (StockItem item : byProduct.values()) {
            outcomes.put(item.product().id(), outcome(item, failed.get(item.product().id())));
        }
        return outcomes;
    }

    /** @param problems the product's failed results, null when none failed */
    private Outcome outcome(StockItem item, @Nullable List<WriteResult> problems) throws InterruptedException {
        String id = item.product().id();
        if (problems == null) {
            return Outcome.WRITTEN;
        }
        if (problems.stream().anyMatch(ItemResults::notFound)) {
            return Outcome.LISTING_GONE;
        }
        if (problems.stream().allMatch(r -> ItemResults.error(r).retryable())) {
            return retryAlone(item) ? Outcome.WRITTEN : Outcome.GIVEN_UP;
        }
        giveUp(item, ": " + ItemResults.describe(problems.get(0)));
        return Outcome.GIVEN_UP;
    }

    private boolean retryAlone(StockItem item) throws InterruptedException {
        List<InventoryUpdate> updates = item.updates();
        String id = item.product().id();
        try {
            WriteResult refused = calls.marketplace("stock of " + id, () -> {
                WriteResult firstFailure = null;
                for (WriteResult result : target.applyInventory(updates)) {
                    if (!ItemResults.itemOutcome(result).succeeded() && firstFailure == null) {
                        firstFailure = result;
                    }
                }
                return firstFailure;
            });
            if (refused == null) {
                return true;
            }
            giveUp(item, ": " + ItemResults.describe(refused));
        } catch (ItemResults.ItemStillFailing e) {
            giveUp(item, " after retries: " + e.getMessage());
        } catch (InvalidItemException e) {
            giveUp(item, ": " + e.getMessage());
        }
        return false;
    }

    private void giveUp(StockItem item, String why) {
        String id = item.product().id();
        failures.giveUp(Failures.PRODUCT, id, "the marketplace refused the stock of product " + id + why,
                Payloads.product(item.product()));
    }
}
