package com.golisto.sync.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.admin.Views;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DryRunTextTest {

    @Test
    void render_showsCountsReasonsAndEachSampleAsATable_sayingWhenASampleIsCut() {
        Views.DryRun report = new Views.DryRun("shop-1", 42, Instant.parse("2026-12-04T10:15:30.123Z"),
                new Views.DryRunCounts(30, 25, 1, 0, 1, 2, 1), Map.of("no price", 1L), Map.of("draft", 1L), 20,
                List.of(new Views.DryRunProduct("105", "SKU-105", "Gloves")),
                List.of(new Views.DryRunUpdate("101", "SKU-101", "Beanie", List.of("price", "stock"))), List.of(),
                List.of(new Views.DryRunReason("200", "draft")), List.of(new Views.DryRunReason("106", "no price")));

        String text = DryRunText.render(report);

        assertThat(text).startsWith("Dry run 42 of shop-1 (2026-12-04T10:15:30Z): nothing was written.\n"
                + "A full sync would: create 25, update 1, update stock only 0, delete 1; unchanged 2, skipped 1"
                + " (read 30).\n"
                + "Skipped by reason: no price 1\n"
                + "Deleted by reason: draft 1\n");
        assertThat(text).contains("Would create (25, the first 1 shown):\n  PRODUCT  SKU      TITLE\n"
                + "  105      SKU-105  Gloves\n");
        assertThat(text).contains("Would update (1):\n  PRODUCT  TITLE   CHANGED\n  101      Beanie  price, stock\n");
        assertThat(text).doesNotContain("Would update stock only (");
        assertThat(text).contains("Would delete (1):\n  PRODUCT  REASON\n  200      draft\n");
        assertThat(text).contains("Skipped (1):\n  PRODUCT  REASON\n  106      no price\n");
    }
}
