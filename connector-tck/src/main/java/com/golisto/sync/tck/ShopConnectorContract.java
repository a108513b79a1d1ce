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

    @Test
    public void declaresTheShopRole() {
        assertThat(fixture().provider().descriptor().roles())
                .as("a shop connector declares CATALOG_SOURCE: its role is SHOP").contains(ConnectorRole.SHOP);
    }

    @Test
    public void readAll_pagesToTheEnd_eachProductOnce_firstPageCarriesTheCursor() throws Exception {
        CatalogSourceChecks.fullReadPagesToTheEnd(fixture(), source());
    }

    @Test
    public void readAll_cursorOfTheFirstPage_catchesChangesMadeDuringThePass() throws Exception {
        CatalogSourceChecks.fullReadCursorCatchesChangesDuringThePass(fixture(), source());
    }

    @Test
    public void readChanged_resumesFromItsCursor_onAReopenedConnector_withoutOlderProducts() throws Exception {
        CatalogSource source = source();
        CatalogSourceChecks.changeReadResumesFromItsCursor(fixture(), source,
                () -> reopen().catalogSource().orElseThrow());
    }

    @Test
    public void readChanged_seesChangesInTheSecondOfTheCursorAndTheNext() throws Exception {
        CatalogSourceChecks.changeReadBoundaries(fixture(), source());
    }

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

    @Test
    public void deletedProducts_areAbsentFromReadsById() throws Exception {
        CatalogSourceChecks.deletedAbsentTrashedArchived(fixture(), source());
    }

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

    @Test
    public void readAllGivenKnownProducts_answersUnchangedOnlyAtTheHeldVersion_changedProductsWhole()
            throws Exception {
        KnownProductsChecks.unchangedOnlyAtTheHeldVersion(fixture(), source());
    }

    @Test
    public void variableProduct_comesWithItsVariants_variantIdResolvesToItsParent() throws Exception {
        CatalogSourceChecks.variantsComeWithTheirProduct(fixture(), source());
    }

    @Test
    public void stockOnlyChange_isReadWithTheNewStock_andNothingElseChanged() throws Exception {
        CatalogSourceChecks.stockOnlyChange(fixture(), source());
    }

    @Test
    public void rateLimit_isRetryable_withItsRetryAfter() throws Exception {
        CatalogSource source = source();
        ErrorChecks.rateLimitIsRetryableWithRetryAfter(fixture(), () -> source.readAll(null));
    }

    @Test
    public void serverError_isRetryable() throws Exception {
        CatalogSource source = source();
        ErrorChecks.serverErrorIsRetryable(fixture(), () -> source.readAll(null));
    }

    @Test
    public void resetConnectionOrCutAnswer_isRetryable() throws Exception {
        CatalogSource source = source();
        ErrorChecks.transportFailuresAreRetryable(fixture(), () -> source.readAll(null));
    }

    @Test
    public void badRequest_isPermanent() throws Exception {
        CatalogSource source = source();
        ErrorChecks.clientErrorIsPermanent(fixture(), () -> source.readAll(null));
    }

    @Test
    public void refusedCredentials_areCredentialsRejected() throws Exception {
        CatalogSource source = source();
        ErrorChecks.refusedCredentialsAreReported(fixture(), () -> source.readAll(null));
    }

    @Test
    public void genuineWebhook_isAccepted_andNotifiesItsProduct() throws Exception {
        WebhookReceiver receiver = receiver();
        String id = fixture().addProduct("TCK webhook", "10.00", 5);
        WebhookChecks.genuineAccepted(receiver, fixture()::signedDelivery, id, ChangeNotification.Kind.PRODUCT);
    }

    @Test
    public void forgedTamperedOrUnsignedWebhook_isRejected_withoutShowingTheSecret() throws Exception {
        WebhookReceiver receiver = receiver();
        String id = fixture().addProduct("TCK forged", "10.00", 5);
        WebhookChecks.forgedRejected(fixture(), receiver, fixture()::signedDelivery, fixture()::forgedDelivery, id);
    }

    @Test
    public void replayedWebhook_keepsItsDeliveryKey_orIsNotAccepted() throws Exception {
        WebhookReceiver receiver = receiver();
        String id = fixture().addProduct("TCK replayed", "10.00", 5);
        String other = fixture().addProduct("TCK other", "10.00", 5);
        WebhookChecks.replayedNotAcceptedAsNew(fixture(), receiver, fixture()::signedDelivery, id, other);
    }

    @Test
    public void createdOrder_isFoundForItsSale_soARetriedCreationMakesNoSecondOrder() throws Exception {
        OrderTarget orders = orderTarget();
        OrderTargetChecks.createdOnceFoundForItsSale(fixture(), source(), orders);
    }

    @Test
    public void orderForAProductTheShopNoLongerHas_isAnInvalidItem() throws Exception {
        OrderTarget orders = orderTarget();
        OrderTargetChecks.unknownProductRefused(fixture(), source(), orders);
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
