package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.tck.FakeRemote.Defect;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The marketplace contract passes a right connector and fails a broken one on the check for its defect, run through
 * the JUnit Platform as an author's build runs it.
 */
class MarketplaceConnectorContractTest {

    static class RightMarket extends MarketplaceConnectorContract {
        @Override
        protected MarketplaceFixture createFixture() {
            return new FakeMarketplace.Fixture(Set.of());
        }
    }

    static class RetryableItemsMarket extends MarketplaceConnectorContract {
        @Override
        protected MarketplaceFixture createFixture() {
            return new FakeMarketplace.Fixture(Set.of(Defect.ITEM_FAILURES_RETRYABLE));
        }
    }

    static class CursorIgnoringMarket extends MarketplaceConnectorContract {
        @Override
        protected MarketplaceFixture createFixture() {
            return new FakeMarketplace.Fixture(Set.of(Defect.IGNORES_CURSOR));
        }
    }

    static class ForgeryAcceptingMarket extends MarketplaceConnectorContract {
        @Override
        protected MarketplaceFixture createFixture() {
            return new FakeMarketplace.Fixture(Set.of(Defect.ACCEPTS_FORGED_WEBHOOKS));
        }
    }

    @Test
    void rightMarketplace_passesEveryCheck() {
        ContractRun run = ContractRun.of(RightMarket.class);

        assertThat(run.failed()).as("failures: %s", run.failures).isEmpty();
        assertThat(run.passed()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(run.aborted()).as("skipped: what the fake does not declare, and the faults its fixture cannot make")
                .containsExactlyInAnyOrder("resetConnectionOrCutAnswer_isRetryable",
                        "connection_isApproved_refusedTokenIsCredentialsRejected_disconnectIsIdempotent");
    }

    @Test
    void marketplaceMappingEveryItemFailureAsRetryable_failsThePerItemChecks() {
        assertThat(ContractRun.of(RetryableItemsMarket.class).failed()).containsExactly(
                "applyInventory_changesOnlyStock_unknownListingFailsAsNotFound",
                "apply_itemRefusedForItsContent_failsAloneAsRejected");
    }

    @Test
    void marketplaceIgnoringTheOrderCursor_failsTheResumeCheck() {
        assertThat(ContractRun.of(CursorIgnoringMarket.class).failed())
                .containsExactly("sales_areReadFromTheBeginning_andResumedFromTheCursor");
    }

    @Test
    void marketplaceAcceptingForgedWebhooks_failsTheForgeryCheck() {
        assertThat(ContractRun.of(ForgeryAcceptingMarket.class).failed())
                .containsExactly("forgedTamperedOrUnsignedWebhook_isRejected_withoutShowingTheSecret");
    }
}
