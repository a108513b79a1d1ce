package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunProgress;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreActivity;
import com.golisto.sync.core.WebhookHealth;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityHtmlTest {
    private static final Instant T = Instant.parse("2026-12-04T12:00:00Z");

    private static StoreActivity activity(RunProgress running, WebhookHealth hooks) {
        return new StoreActivity("shop-a", T.plusSeconds(10), running, T.plusSeconds(3600), T.plusSeconds(300), 11,
                Map.of("listed", 11L, "skipped", 1L), hooks);
    }

    @Test
    void aRunningPass_showsPagesItemsRateAndEta() {
        StringBuilder out = new StringBuilder();
        ActivityHtml.rows(out, activity(new RunProgress(new RunId(7), RunKind.FULL, T, T.plusSeconds(10), 1, 5, 12L),
                new WebhookHealth(null, null, null, null, null, null, 0)), List.of(), List.of());

        assertThat(out).contains("class=\"progress running\" id=\"progress-7\"").contains("full run 7")
                .contains("<span class=\"pages\">1 page</span>").contains("<span class=\"items\">5 of ~12 products")
                .contains("<span class=\"rate\">0.5 products/s").contains("ETA 2026-12-04T12:00:24Z");
    }

    @Test
    void withoutARunningPass_nextSlotsListingsAndWebhooksShow_andNoProgress() {
        StringBuilder out = new StringBuilder();
        ActivityHtml.rows(out, activity(null, new WebhookHealth(4, 3, 1, T, "the shop had disabled <1>", T, 2)),
                List.of(), List.of());

        assertThat(out).doesNotContain("progress").contains("class=\"next-full\">2026-12-04T13:00:00Z<")
                .contains("class=\"next-incremental\">2026-12-04T12:05:00Z<")
                .contains("11 on Golisto of 12 shop products known").contains("listed 11 · skipped 1")
                .contains("class=\"webhooks bad\">4 registered, 3 active, 1 had been disabled by the shop")
                .contains("the shop had disabled &lt;1&gt;").contains("2 deliveries in the last hour, last 2026-12-04T12:00:00Z");
    }

    @Test
    void orderLag_isTheOldestSaleNotImported_andTheLastImport() {
        RunView poll = new RunView(new RunId(3), "shop-a", RunKind.ORDERS, RunStatus.SUCCEEDED, T, T.plusSeconds(2),
                new RunCounts(2, 2, 0, 0, 0, 0, 4), null);
        DeadLetterView older = new DeadLetterView(1, "shop-a", "ORDER", "S-<1>", "no such product", "{}", T, 1, null);
        DeadLetterView newer = new DeadLetterView(2, "shop-a", "ORDER", "S-2", "no such product", "{}",
                T.plusSeconds(60), 1, null);
        StringBuilder lagging = new StringBuilder();
        StringBuilder fine = new StringBuilder();

        ActivityHtml.orderLag(lagging, List.of(poll), List.of(newer, older));
        ActivityHtml.orderLag(fine, List.of(), List.of());

        assertThat(lagging).contains("class=\"order-lag bad\"").contains("oldest unimported sale S-&lt;1&gt; since"
                + " 2026-12-04T12:00:00Z (2 waiting)").contains("last import: 2026-12-04T12:00:02Z (2 orders)");
        assertThat(fine).contains("class=\"order-lag ok\">every sale imported");
    }
}
