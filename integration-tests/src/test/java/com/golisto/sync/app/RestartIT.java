package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner restarted on the same data folder carries on where the previous one stopped. */
class RestartIT {
    @TempDir
    Path dir;

    private TestingSandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void restart_sameDataFolder_resumesWithStoresMappingsAndCursors() throws Exception {
        sandbox = TestingSandbox.start(16);
        // the catalog was last modified an hour before the first sync: outside any cursor overlap
        sandbox.clock.advance(Duration.ofHours(1));
        Path data = dir.resolve("data");
        sandbox.startRunner(data);
        RunView first = sandbox.connectApproveAndSync("shop-r");
        String account = sandbox.account("shop-r");
        assertThat(first.counts().created()).isEqualTo(16);
        sandbox.runner.close();

        // while no runner runs, the merchant changes one price; its webhook finds nobody listening
        sandbox.clock.advance(Duration.ofMinutes(10));
        GolistoListing changed = sandbox.golisto.listings(account).stream()
                .filter(l -> l.variantIds().isEmpty() && l.salePrice().isEmpty())
                .min(Comparator.comparing(GolistoListing::externalId)).orElseThrow();
        BigDecimal price = changed.price().add(new BigDecimal("3.00"));
        sandbox.woo.merchant().setRegularPrice(Long.parseLong(changed.externalId()), price.toPlainString());
        sandbox.woo.deliverWebhooksNow();

        sandbox.startRunner(data);
        StoreView store = sandbox.engine().store("shop-r").orElseThrow();
        RunView incremental = sandbox.engine().syncAndWait("shop-r", SyncMode.INCREMENTAL);
        RunView full = sandbox.engine().syncAndWait("shop-r", SyncMode.FULL);

        assertThat(store.status()).isEqualTo(ConnectionStatus.APPROVED);
        assertThat(store.accountId()).isEqualTo(account);
        assertThat(store.shopCredentialsPresent()).isTrue();
        assertThat(incremental.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(incremental.counts().read()).as("the cursor survived: only the change is read").isEqualTo(1);
        assertThat(incremental.counts().updated()).isEqualTo(1);
        assertThat(incremental.counts().created()).isZero();
        assertThat(sandbox.golisto.listing(account, changed.externalId()).orElseThrow().price())
                .isEqualByComparingTo(price);
        assertThat(full.counts().created()).as("the mappings survived: nothing is created again").isZero();
        assertThat(full.counts().deleted()).isZero();
        assertThat(full.counts().unchanged()).isEqualTo(16);
        assertThat(sandbox.golisto.listings(account)).hasSize(16);
        assertThat(sandbox.engine().recentRuns("shop-r", 10)).extracting(r -> r.id().value())
                .contains(first.id().value());
    }
}
