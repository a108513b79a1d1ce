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

    /** The descriptor gives the connector the MARKETPLACE role. */
    @Test
    public void declaresTheMarketplaceRole() {
        assertThat(fixture().provider().descriptor().roles())
                .as("a marketplace connector declares CATALOG_TARGET: its role is MARKETPLACE")
                .contains(ConnectorRole.MARKETPLACE);
    }

    /** CatalogTarget.apply: one result per item in order, upserts then deletes, outcomes that say what happened. */
    @Test
    public void apply_answersOneResultPerItemInOrder_upsertsThenDeletes() throws Exception {
        CatalogTargetChecks.batchResultsPerItemInOrder(fixture(), target());
    }

    /** CatalogTarget.apply: a batch of maxBatchSize() items (at most 100 here) answers every item. */
    @Test
    public void apply_aFullBatch_answersEveryItem() throws Exception {
        CatalogTargetChecks.fullBatchAccepted(fixture(), target());
    }

    /** CatalogTarget.apply: an item the marketplace refuses fails alone, as REJECTED. */
    @Test
    public void apply_itemRefusedForItsContent_failsAloneAsRejected() throws Exception {
        CatalogTargetChecks.refusedItemFailsAlone(fixture(), target());
    }

    /** CatalogTarget.applyInventory: stock only, per item; a listing that does not exist fails alone as NOT_FOUND. */
    @Test
    public void applyInventory_changesOnlyStock_unknownListingFailsAsNotFound() throws Exception {
        CatalogTargetChecks.inventoryChangesOnlyStock(fixture(), target());
    }

    /** A 429 answer is a RetryableException carrying the Retry-After. */
    @Test
    public void rateLimit_isRetryable_withItsRetryAfter() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.rateLimitIsRetryableWithRetryAfter(fixture(), () -> target.readListing("tck-error-probe"));
    }

    /** 500 and 503 answers are RetryableExceptions, and the connector works again after. */
    @Test
    public void serverError_isRetryable() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.serverErrorIsRetryable(fixture(), () -> target.readListing("tck-error-probe"));
    }

    /** A reset connection or an answer cut short is a RetryableException. */
    @Test
    public void resetConnectionOrCutAnswer_isRetryable() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.transportFailuresAreRetryable(fixture(), () -> target.readListing("tck-error-probe"));
    }

    /** A 400 answer is a SyncException that is neither retryable nor a credentials rejection. */
    @Test
    public void badRequest_isPermanent() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.clientErrorIsPermanent(fixture(), () -> target.readListing("tck-error-probe"));
    }

    /** A 401 answer is a CredentialsRejectedException. */
    @Test
    public void refusedCredentials_areCredentialsRejected() throws Exception {
        CatalogTarget target = target();
        ErrorChecks.refusedCredentialsAreReported(fixture(), () -> target.readListing("tck-error-probe"));
    }

    /** OrderSource.readChanged: every sale once, oldest first, resumed from the last cursor. */
    @Test
    public void sales_areReadFromTheBeginning_andResumedFromTheCursor() throws Exception {
        OrderSource orders = orderSource();
        OrderSourceChecks.salesReadAndResumed(fixture(), orders, OrderSourceChecks.listedProduct(fixture(), target()));
    }

    /** OrderSource.acknowledge: the same (order, version) twice is RECORDED twice. */
    @Test
    public void acknowledgement_isIdempotentPerVersion() throws Exception {
        OrderSource orders = orderSource();
        OrderSourceChecks.acknowledgementIdempotent(fixture(), orders,
                OrderSourceChecks.listedProduct(fixture(), target()));
    }

    /** A genuine delivery is Accepted and notifies its sale. */
    @Test
    public void genuineWebhook_isAccepted_andNotifiesItsSale() throws Exception {
        WebhookReceiver receiver = receiver();
        String sale = sale();
        WebhookChecks.genuineAccepted(receiver, fixture()::signedDelivery, sale, ChangeNotification.Kind.ORDER);
    }

    /** Forged, tampered and unsigned deliveries are Rejected; no reason shows the secret. */
    @Test
    public void forgedTamperedOrUnsignedWebhook_isRejected_withoutShowingTheSecret() throws Exception {
        WebhookReceiver receiver = receiver();
        String sale = sale();
        WebhookChecks.forgedRejected(fixture(), receiver, fixture()::signedDelivery, fixture()::forgedDelivery, sale);
    }

    /** A replayed delivery keeps its key or is not accepted; deliveries about two resources have two keys. */
    @Test
    public void replayedWebhook_keepsItsDeliveryKey_orIsNotAccepted() throws Exception {
        WebhookReceiver receiver = receiver();
        WebhookChecks.replayedNotAcceptedAsNew(fixture(), receiver, fixture()::signedDelivery, sale(), sale());
    }

    /** ConnectionLifecycle: approved; a refused token is CredentialsRejected; disconnect() is idempotent. */
    @Test
    public void connection_isApproved_refusedTokenIsCredentialsRejected_disconnectIsIdempotent() throws Exception {
        requireDeclared(Capability.CONNECTION_LIFECYCLE);
        LifecycleChecks.connectionStatusAndDisconnect(fixture(), connector().connectionLifecycle().orElseThrow());
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
