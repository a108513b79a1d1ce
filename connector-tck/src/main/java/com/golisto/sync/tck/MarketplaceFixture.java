package com.golisto.sync.tck;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.spi.InboundRequest;
import java.util.Currency;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A marketplace connector's fixture for {@link MarketplaceConnectorContract}: reads back the marketplace's
 * listings behind the connector's back and plays the buyer. {@link #settings()} open a connector for a store that
 * is already connected and allowed to list (for a marketplace with a connection flow: connected and approved).
 */
public interface MarketplaceFixture extends ConnectorFixture {

    /** The currency the store sells in on the marketplace; the checks build their products in it. */
    Currency currency();

    /**
     * A product with this id that the marketplace refuses for its content (for example priced in a currency the
     * store does not sell in, or missing a field the marketplace requires), so that writing it fails for that
     * item alone.
     */
    Product refusedProduct(String productId);

    /** Whether the marketplace holds a listing for this shop product id. */
    boolean listed(String productId) throws Exception;

    /**
     * The stock quantity the marketplace holds for a listing, or for one variant of it.
     *
     * @param variantId the shop's variant id, {@code null} for the product's own stock
     * @return empty when there is no such listing or variant, or its quantity is not tracked
     */
    OptionalInt listedStock(String productId, @Nullable String variantId) throws Exception;

    /**
     * Makes a buyer buy a listed product: a new, paid marketplace sale. Needed when the connector declares
     * {@code ORDER_SOURCE} (the default throws).
     *
     * @param variantId the variant bought, {@code null} for a product without variants
     * @return the marketplace's order id, as {@link com.golisto.sync.api.model.Order#id()} reports it
     */
    default String queueSale(String productId, @Nullable String variantId, int quantity) throws Exception {
        throw new UnsupportedOperationException("the fixture cannot make sales (MarketplaceFixture.queueSale)");
    }

    /**
     * A genuine webhook delivery, exactly as the marketplace would send it, about this sale: signed with the webhook
     * secret of {@link #context()}, within any replay window as of now. Each call makes a new delivery. Needed when
     * the connector declares {@code WEBHOOK_RECEIVER}.
     */
    default InboundRequest signedDelivery(String orderId) throws Exception {
        throw new UnsupportedOperationException("the fixture makes no webhook deliveries (signedDelivery)");
    }

    /**
     * The same delivery as {@link #signedDelivery}, signed with another secret. Needed when the connector declares
     * {@code WEBHOOK_RECEIVER}.
     */
    default InboundRequest forgedDelivery(String orderId) throws Exception {
        throw new UnsupportedOperationException("the fixture makes no webhook deliveries (forgedDelivery)");
    }
}
