package com.golisto.sync.tck;

import com.golisto.sync.api.spi.InboundRequest;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shop connector's fixture for {@link ShopConnectorContract}: edits the shop's catalog behind the connector's
 * back, as a merchant would, and reads back what the connector wrote. Product ids are the shop's own ids, as the
 * connector reports them in {@link com.golisto.sync.api.model.Product#id()}.
 *
 * <p>Each edit is done when the method returns; the checks call {@link #advanceTime} between edits and reads where
 * the order in time matters. Operations a shop cannot do are optional: their default answers {@code false}, and
 * the checks that need them are skipped with that reason. The webhook and order operations are needed only when the
 * connector declares {@code WEBHOOK_RECEIVER} or {@code ORDER_TARGET}; their defaults throw.
 */
public interface ShopFixture extends ConnectorFixture {

    /**
     * Adds a published simple product with a tracked stock.
     *
     * @param title the product's name
     * @param price the regular price, a plain decimal in the shop's currency, e.g. {@code "12.50"}
     * @param stock the stock quantity, at least 1 (in stock)
     * @return the product's id
     */
    String addProduct(String title, String price, int stock) throws Exception;

    /**
     * Adds a published product with variants: one attribute with these options, one variant per option, each
     * priced and with a tracked stock of 5.
     *
     * @param title the product's name
     * @param options the attribute's options, e.g. {@code S, M, L}; at least two
     * @return the product's id
     */
    String addVariableProduct(String title, List<String> options) throws Exception;

    /** Changes the product's name, nothing else. */
    void rename(String productId, String title) throws Exception;

    /**
     * Changes only a stock quantity, as a sale in the shop does.
     *
     * @param variantId the variant whose stock changes, {@code null} for a simple product's own stock
     */
    void setStock(String productId, @Nullable String variantId, int quantity) throws Exception;

    /** Deletes the product permanently (not to a trash). */
    void delete(String productId) throws Exception;

    /**
     * Moves the product to the shop's trash, where it stays known to the shop.
     *
     * @return false when the shop has no trash (the check is skipped)
     */
    default boolean trash(String productId) throws Exception {
        return false;
    }

    /**
     * Takes a published product off sale without deleting it (back to a draft, or private).
     *
     * @return false when the shop cannot (the check is skipped)
     */
    default boolean unpublish(String productId) throws Exception {
        return false;
    }

    /**
     * Sets the shop's own time zone, the one its timestamps are shown in. The fixture may restart its remote for
     * that (with an empty catalog, on the same clock): the check opens a new connector from {@link #settings()}
     * afterwards.
     *
     * @return false when the shop has none or the fixture cannot set it (the check is skipped)
     */
    default boolean setTimeZone(ZoneId zone) throws Exception {
        return false;
    }

    /**
     * A genuine webhook delivery, exactly as the shop would send it, notifying that this product changed: signed
     * with the webhook secret of {@link #context()}, within any replay window as of now. Each call makes a new
     * delivery. Needed when the connector declares {@code WEBHOOK_RECEIVER}.
     */
    default InboundRequest signedDelivery(String productId) throws Exception {
        throw new UnsupportedOperationException("the fixture makes no webhook deliveries (ShopFixture.signedDelivery)");
    }

    /**
     * The same delivery as {@link #signedDelivery}, signed with another secret. Needed when the connector declares
     * {@code WEBHOOK_RECEIVER}.
     */
    default InboundRequest forgedDelivery(String productId) throws Exception {
        throw new UnsupportedOperationException("the fixture makes no webhook deliveries (ShopFixture.forgedDelivery)");
    }

    /**
     * How many orders the shop holds for this marketplace sale id (by whatever mark the connector's
     * {@link com.golisto.sync.api.spi.OrderTarget#create} gives them). Needed when the connector declares
     * {@code ORDER_TARGET}.
     */
    default int ordersFor(String saleId) throws Exception {
        throw new UnsupportedOperationException("the fixture cannot count the shop's orders (ShopFixture.ordersFor)");
    }
}
