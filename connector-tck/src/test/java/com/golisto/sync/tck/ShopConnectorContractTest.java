package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.tck.FakeRemote.Defect;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shop contract passes a right connector and fails a broken one on the check for its defect: each defect of
 * {@link FakeShop} makes the named check fail, run through the JUnit Platform as an author's build runs it.
 */
class ShopConnectorContractTest {

    static class RightShop extends ShopConnectorContract {
        @Override
        protected ShopFixture createFixture() {
            return new FakeShop.Fixture(Set.of());
        }
    }

    static class CursorIgnoringShop extends ShopConnectorContract {
        @Override
        protected ShopFixture createFixture() {
            return new FakeShop.Fixture(Set.of(Defect.IGNORES_CURSOR));
        }
    }

    static class AlwaysUnchangedShop extends ShopConnectorContract {
        @Override
        protected ShopFixture createFixture() {
            return new FakeShop.Fixture(Set.of(Defect.ALWAYS_UNCHANGED));
        }
    }

    static class RetryAfterDroppingShop extends ShopConnectorContract {
        @Override
        protected ShopFixture createFixture() {
            return new FakeShop.Fixture(Set.of(Defect.DROPS_RETRY_AFTER));
        }
    }

    static class SecretShowingShop extends ShopConnectorContract {
        @Override
        protected ShopFixture createFixture() {
            return new FakeShop.Fixture(Set.of(Defect.SECRET_IN_TO_STRING));
        }
    }

    static class ForgeryAcceptingShop extends ShopConnectorContract {
        @Override
        protected ShopFixture createFixture() {
            return new FakeShop.Fixture(Set.of(Defect.ACCEPTS_FORGED_WEBHOOKS));
        }
    }

    static class OrderForgettingShop extends ShopConnectorContract {
        @Override
        protected ShopFixture createFixture() {
            return new FakeShop.Fixture(Set.of(Defect.FINDS_NO_ORDER));
        }
    }

    @Test
    void rightShop_passesEveryCheck() {
        ContractRun run = ContractRun.of(RightShop.class);

        assertThat(run.failed()).as("failures: %s", run.failures).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(run.skipped).isEmpty();
        assertThat(run.aborted()).as("skipped: what the fake does not declare, and the faults its fixture cannot make")
                .containsExactlyInAnyOrder("resetConnectionOrCutAnswer_isRetryable",
                        "webhookSubscriptions_ensureAndRemove_areIdempotent", "storeInfo_namesTheCurrencyOfItsProducts");
    }

    @Test
    void shopIgnoringTheCursor_failsTheResumeCheck() {
        assertThat(ContractRun.of(CursorIgnoringShop.class).failed())
                .contains("readChanged_resumesFromItsCursor_onAReopenedConnector_withoutOlderProducts");
    }

    @Test
    void shopAnsweringUnchangedAtAnyVersion_failsTheKnownProductsCheck() {
        assertThat(ContractRun.of(AlwaysUnchangedShop.class).failed())
                .containsExactly("readAllGivenKnownProducts_answersUnchangedOnlyAtTheHeldVersion_changedProductsWhole");
    }

    @Test
    void shopDroppingRetryAfter_failsTheRateLimitCheck() {
        assertThat(ContractRun.of(RetryAfterDroppingShop.class).failed())
                .containsExactly("rateLimit_isRetryable_withItsRetryAfter");
    }

    @Test
    void shopShowingItsSecretInToString_failsTheSecretCheck() {
        assertThat(ContractRun.of(SecretShowingShop.class).failed())
                .containsExactly("settingsConnectorAndCapabilities_showNoSecretInToString");
    }

    @Test
    void shopAcceptingForgedWebhooks_failsTheForgeryCheck() {
        assertThat(ContractRun.of(ForgeryAcceptingShop.class).failed())
                .containsExactly("forgedTamperedOrUnsignedWebhook_isRejected_withoutShowingTheSecret");
    }

    @Test
    void shopNotFindingItsOrders_failsTheOrderCheck() {
        assertThat(ContractRun.of(OrderForgettingShop.class).failed())
                .containsExactly("createdOrder_isFoundForItsSale_soARetriedCreationMakesNoSecondOrder");
    }
}
