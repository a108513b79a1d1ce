package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.api.spi.CatalogTarget;
import com.golisto.sync.api.spi.OrderSource;
import com.golisto.sync.api.spi.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * The contract of a marketplace connector (one that declares {@code CATALOG_TARGET}). Extend it in a test class of
 * the connector's module and return a fresh {@link MarketplaceFixture} from {@link #createFixture()}:
 *
 * <pre>{@code
 * class AcmeMarketConnectorTckTest extends MarketplaceConnectorContract {
 *     @Override
 *     protected MarketplaceFixture createFixture() throws Exception {
 *         return AcmeMarketFixture.connectedStore(); // an emulator with a store allowed to list
 *     }
 * }
 * }</pre>
 *
 * <p>Each check gets its own fixture and connector, opened through the provider from the fixture's settings and
 * context, and closed after. Checks of capabilities the descriptor does not declare are skipped, naming the
 * capability.
 */
public abstract class MarketplaceConnectorContract extends ConnectorContract<MarketplaceFixture> {

    /** For subclasses. */
    protected MarketplaceConnectorContract() {
    }

    @Test
    public void declaresTheMarketplaceRole() {
        assertThat(fixture().provider().descriptor().roles())
                .as("a marketplace connector declares CATALOG_TARGET: its role is MARKETPLACE")
                .contains(ConnectorRole.MARKETPLACE);
    }

    @Test
    public void apply_answersOneResultPerItemInOrder_upsertsThenDeletes() throws Exception {
        CatalogTargetChecks.batchResultsPerItemInOrder(fixture(), target());
    }

    @Test
    public void apply_aFullBatch_answersEveryItem() throws Exception {
        CatalogTargetChecks.fullBatchAccepted(fixture(), target());
    }

    @Test
    public void apply_itemRefusedForItsContent_failsAloneAsRejected() throws Exception {
        CatalogTargetChecks.refusedItemFailsAlone(fixture(), target());
    }

    @Test
    public void applyInventory_changesOnlyStock_unknownListingFailsAsNotFound() throws Exception {
        CatalogTargetChecks.inventoryChangesOnlyStock(fixture(), target());
    }

    @Test
    public void rateLimit_isRetryable_withItsRetryAfter() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.rateLimitIsRetryableWithRetryAfter(fixture(), () -> target.readListing("tck-error-probe"));
    }

    @Test
    public void serverError_isRetryable() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.serverErrorIsRetryable(fixture(), () -> target.readListing("tck-error-probe"));
    }

    @Test
    public void resetConnectionOrCutAnswer_isRetryable() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.transportFailuresAreRetryable(fixture(), () -> target.readListing("tck-error-probe"));
    }

    @Test
    public void badRequest_isPermanent() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.clientErrorIsPermanent(fixture(), () -> target.readListing("tck-error-probe"));
    }

    @Test
    public void refusedCredentials_areCredentialsRejected() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.refusedCredentialsAreReported(fixture(), () -> target.readListing("tck-error-probe"));
    }

    @Test
    public void sales_areReadFromTheBeginning_andResumedFromTheCursor() throws Exception {
        OrderSource orders = orderSource();
        OrderSourceChecks.salesReadAndResumed(fixture(), orders, OrderSourceChecks.listedProduct(fixture(), target()));
    }

    @Test
    public void acknowledgement_isIdempotentPerVersion() throws Exception {
        OrderSource orders = orderSource();
        OrderSourceChecks.acknowledgementIdempotent(fixture(), orders,
                OrderSourceChecks.listedProduct(fixture(), target()));
    }

    @Test
    public void genuineWebhook_isAccepted_andNotifiesItsSale() throws Exception {
        WebhookReceiver receiver = receiver();
        String sale = sale();
        WebhookChecks.genuineAccepted(receiver, fixture()::signedDelivery, sale, ChangeNotification.Kind.ORDER);
    }

    @Test
    public void forgedTamperedOrUnsignedWebhook_isRejected_withoutShowingTheSecret() throws Exception {
        WebhookReceiver receiver = receiver();
        String sale = sale();
        WebhookChecks.forgedRejected(fixture(), receiver, fixture()::signedDelivery, fixture()::forgedDelivery, sale);
    }

    @Test
    public void replayedWebhook_keepsItsDeliveryKey_orIsNotAccepted() throws Exception {
        WebhookReceiver receiver = receiver();
        WebhookChecks.replayedNotAcceptedAsNew(fixture(), receiver, fixture()::signedDelivery, sale(), sale());
    }

    private String sale() throws Exception {
        requireDeclared(Capability.ORDER_SOURCE);
        return fixture().queueSale(OrderSourceChecks.listedProduct(fixture(), target()), null, 1);
    }

    private CatalogTarget target() {
        requireDeclared(Capability.CATALOG_TARGET);
        return connector().catalogTarget().orElseThrow();
    }

    private OrderSource orderSource() {
        requireDeclared(Capability.ORDER_SOURCE);
        return connector().orderSource().orElseThrow();
    }

    private WebhookReceiver receiver() {
        requireDeclared(Capability.WEBHOOK_RECEIVER);
        return connector().webhookReceiver().orElseThrow();
    }
}
