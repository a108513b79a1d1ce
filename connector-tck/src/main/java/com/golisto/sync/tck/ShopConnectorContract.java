package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ChangeNotification;
import com.golisto.sync.api.model.Cursor;
import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.api.spi.CatalogSource;
import com.golisto.sync.api.spi.OrderTarget;
import com.golisto.sync.api.spi.WebhookReceiver;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract of a shop connector (one that declares {@code CATALOG_SOURCE}). Extend it in a test class of the
 * connector's module and return a fresh {@link ShopFixture} from {@link #createFixture()}:
 *
 * <pre>{@code
 * class AcmeShopConnectorTckTest extends ShopConnectorContract {
 *     @Override
 *     protected ShopFixture createFixture() {
 *         return new AcmeShopFixture(); // starts an emulator, opens nothing itself
 *     }
 * }
 * }</pre>
 *
 * <p>Each check gets its own fixture and connector, opened through the provider from the fixture's settings and
 * context, and closed after. Checks of capabilities the descriptor does not declare are skipped, naming the
 * capability; so are checks that need an optional fixture operation the fixture does not offer.
 */
public abstract class ShopConnectorContract extends ConnectorContract<ShopFixture> {

    /** For subclasses. */
    protected ShopConnectorContract() {
    }

    /** The descriptor gives the connector the SHOP role. */
    @Test
    public void declaresTheShopRole() {
        assertThat(fixture().provider().descriptor().roles())
                .as("a shop connector declares CATALOG_SOURCE: its role is SHOP").contains(ConnectorRole.SHOP);
    }

    /** A full read pages to the end, each product once, the first page carrying a cursor. */
    @Test
    public void readAll_pagesToTheEnd_eachProductOnce_firstPageCarriesTheCursor() throws Exception {
        CatalogSourceChecks.fullReadPagesToTheEnd(fixture(), source());
    }

    /** A change made during a full pass is read again from the cursor of the pass's first page. */
    @Test
    public void readAll_cursorOfTheFirstPage_catchesChangesMadeDuringThePass() throws Exception {
        CatalogSourceChecks.fullReadCursorCatchesChangesDuringThePass(fixture(), source());
    }

    /** From a change read's cursor, on a reopened connector: later changes, not older products. */
    @Test
    public void readChanged_resumesFromItsCursor_onAReopenedConnector_withoutOlderProducts() throws Exception {
        CatalogSource source = source();
        CatalogSourceChecks.changeReadResumesFromItsCursor(fixture(), source,
                () -> reopen().catalogSource().orElseThrow());
    }

    /** Changes in the second a cursor was issued, and one second later, are read from it. */
    @Test
    public void readChanged_seesChangesInTheSecondOfTheCursorAndTheNext() throws Exception {
        CatalogSourceChecks.changeReadBoundaries(fixture(), source());
    }

    /** With the shop in far time zones, changes are found and modifiedAt is the UTC instant. */
    @TestFactory
    public Stream<DynamicTest> readChanged_findsChanges_withTheShopInAFarTimeZone() {
        requireDeclared(Capability.CATALOG_SOURCE);
        return Stream.of("Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu").map(ZoneId::of)
                .map(zone -> DynamicTest.dynamicTest("shop time zone " + zone, () -> {
                    Assumptions.assumeTrue(fixture().setTimeZone(zone),
                            "the fixture cannot set the shop's time zone (ShopFixture.setTimeZone)");
                    CatalogSourceChecks.changeReadInShopTimeZone(fixture(), openAgain().catalogSource().orElseThrow(),
                            zone);
                }));
    }

    /** A permanently deleted product is absent from read, readMany and readProducts. */
    @Test
    public void deletedProducts_areAbsentFromReadsById() throws Exception {
        CatalogSourceChecks.deletedAbsentTrashedArchived(fixture(), source());
    }

    /** A trashed product comes back ARCHIVED from readProducts and a change read. */
    @Test
    public void trashedProducts_comeBackArchived() throws Exception {
        CatalogSource source = source();
        String id = fixture().addProduct("TCK trashed", "10.00", 5);
        fixture().advanceTime(CatalogSourceChecks.LONG_AGO);
        Cursor cursor = Passes.changed(source, Cursor.beginning()).requireLastCursor();
        fixture().advanceTime(CatalogSourceChecks.LONG_AGO);
        Assumptions.assumeTrue(fixture().trash(id), "the fixture cannot trash a product (ShopFixture.trash)");
        CatalogSourceChecks.trashedComesBackArchived(fixture(), source, id, cursor);
    }

    /** An unpublished product comes back DRAFT from a change read and readProducts. */
    @Test
    public void unpublishedProducts_comeBackAsDrafts() throws Exception {
        CatalogSource source = source();
        String id = fixture().addProduct("TCK unpublished", "10.00", 5);
        fixture().advanceTime(CatalogSourceChecks.LONG_AGO);
        Cursor cursor = Passes.changed(source, Cursor.beginning()).requireLastCursor();
        fixture().advanceTime(CatalogSourceChecks.LONG_AGO);
        Assumptions.assumeTrue(fixture().unpublish(id), "the fixture cannot unpublish a product (ShopFixture.unpublish)");
        CatalogSourceChecks.unpublishedComesBackDraft(fixture(), source, id, cursor);
    }

    /** readAll(token, known): unchanged only at the held version; changed or versionless products whole. */
    @Test
    public void readAllGivenKnownProducts_answersUnchangedOnlyAtTheHeldVersion_changedProductsWhole()
            throws Exception {
        KnownProductsChecks.unchangedOnlyAtTheHeldVersion(fixture(), source());
    }

    /** Variants come with their product, a variant id resolves to it, a variant change returns it whole. */
    @Test
    public void variableProduct_comesWithItsVariants_variantIdResolvesToItsParent() throws Exception {
        CatalogSourceChecks.variantsComeWithTheirProduct(fixture(), source());
    }

    /** A stock-only change is read with the new stock and everything else as before. */
    @Test
    public void stockOnlyChange_isReadWithTheNewStock_andNothingElseChanged() throws Exception {
        CatalogSourceChecks.stockOnlyChange(fixture(), source());
    }

    /** A 429 answer is a RetryableException carrying the Retry-After. */
    @Test
    public void rateLimit_isRetryable_withItsRetryAfter() throws Exception {
        CatalogSource source = source();
        ErrorChecks.rateLimitIsRetryableWithRetryAfter(fixture(), () -> source.readAll(null));
    }

    /** 500 and 503 answers are RetryableExceptions, and the connector works again after. */
    @Test
    public void serverError_isRetryable() throws Exception {
        CatalogSource source = source();
        ErrorChecks.serverErrorIsRetryable(fixture(), () -> source.readAll(null));
    }

    /** A reset connection or an answer cut short is a RetryableException. */
    @Test
    public void resetConnectionOrCutAnswer_isRetryable() throws Exception {
        CatalogSource source = source();
        ErrorChecks.transportFailuresAreRetryable(fixture(), () -> source.readAll(null));
    }

    /** A 400 answer is a SyncException that is neither retryable nor a credentials rejection. */
    @Test
    public void badRequest_isPermanent() throws Exception {
        CatalogSource source = source();
        ErrorChecks.clientErrorIsPermanent(fixture(), () -> source.readAll(null));
    }

    /** A 401 answer is a CredentialsRejectedException. */
    @Test
    public void refusedCredentials_areCredentialsRejected() throws Exception {
        CatalogSource source = source();
        ErrorChecks.refusedCredentialsAreReported(fixture(), () -> source.readAll(null));
    }

    /** A genuine delivery is Accepted and notifies its product. */
    @Test
    public void genuineWebhook_isAccepted_andNotifiesItsProduct() throws Exception {
        WebhookReceiver receiver = receiver();
        String id = fixture().addProduct("TCK webhook", "10.00", 5);
        WebhookChecks.genuineAccepted(receiver, fixture()::signedDelivery, id, ChangeNotification.Kind.PRODUCT);
    }

    /** Forged, tampered and unsigned deliveries are Rejected; no reason shows the secret. */
    @Test
    public void forgedTamperedOrUnsignedWebhook_isRejected_withoutShowingTheSecret() throws Exception {
        WebhookReceiver receiver = receiver();
        String id = fixture().addProduct("TCK forged", "10.00", 5);
        WebhookChecks.forgedRejected(fixture(), receiver, fixture()::signedDelivery, fixture()::forgedDelivery, id);
    }

    /** A replayed delivery keeps its key or is not accepted; deliveries about two resources have two keys. */
    @Test
    public void replayedWebhook_keepsItsDeliveryKey_orIsNotAccepted() throws Exception {
        WebhookReceiver receiver = receiver();
        String id = fixture().addProduct("TCK replayed", "10.00", 5);
        String other = fixture().addProduct("TCK other", "10.00", 5);
        WebhookChecks.replayedNotAcceptedAsNew(fixture(), receiver, fixture()::signedDelivery, id, other);
    }

    /** OrderTarget: find() returns the order create() made, so the engine's retry makes no second order. */
    @Test
    public void createdOrder_isFoundForItsSale_soARetriedCreationMakesNoSecondOrder() throws Exception {
        OrderTarget orders = orderTarget();
        OrderTargetChecks.createdOnceFoundForItsSale(fixture(), source(), orders);
    }

    /** OrderTarget.create of an order for a product the shop no longer has throws InvalidItemException. */
    @Test
    public void orderForAProductTheShopNoLongerHas_isAnInvalidItem() throws Exception {
        OrderTarget orders = orderTarget();
        OrderTargetChecks.unknownProductRefused(fixture(), source(), orders);
    }

    /** WebhookSubscriptions: ensure() twice registers once; list() shows them; remove() twice leaves none. */
    @Test
    public void webhookSubscriptions_ensureAndRemove_areIdempotent() throws Exception {
        requireDeclared(Capability.WEBHOOK_SUBSCRIPTIONS);
        LifecycleChecks.subscriptionsEnsuredAndRemovedIdempotently(connector().webhookSubscriptions().orElseThrow());
    }

    /** StoreInfoSource: the shop's currency is its products' currency; its home URL is absolute. */
    @Test
    public void storeInfo_namesTheCurrencyOfItsProducts() throws Exception {
        requireDeclared(Capability.STORE_INFO);
        LifecycleChecks.storeInfoNamesTheCurrencyOfItsProducts(fixture(), connector().storeInfo().orElseThrow(),
                source());
    }

    private CatalogSource source() {
        requireDeclared(Capability.CATALOG_SOURCE);
        return connector().catalogSource().orElseThrow();
    }

    private WebhookReceiver receiver() {
        requireDeclared(Capability.WEBHOOK_RECEIVER);
        return connector().webhookReceiver().orElseThrow();
    }

    private OrderTarget orderTarget() {
        requireDeclared(Capability.ORDER_TARGET);
        requireDeclared(Capability.CATALOG_SOURCE);
        return connector().orderTarget().orElseThrow();
    }
}
