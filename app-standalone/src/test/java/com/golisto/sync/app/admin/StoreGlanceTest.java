package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StoreGlanceTest {
    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

    private static RunView run(RunStatus status, long failed) {
        return new RunView(new RunId(1), "shop-a", RunKind.FULL, status, T, T, new RunCounts(5, 2, 1, 0, 1, failed, 9),
                status == RunStatus.FAILED ? "boom" : null);
    }

    @Test
    void aSucceededRunWithFailedItems_looksFailed_notGreen() {
        RunView partly = run(RunStatus.SUCCEEDED, 1);

        assertThat(StoreGlance.runClass(partly)).contains("bad").doesNotContain("ok");
        assertThat(StoreGlance.runStatus(partly)).isEqualTo("partly failed (1 failed)");
    }

    @Test
    void aCleanRunIsOk_aFailedRunIsBad() {
        assertThat(StoreGlance.runClass(run(RunStatus.SUCCEEDED, 0))).isEqualTo("ok");
        assertThat(StoreGlance.runStatus(run(RunStatus.SUCCEEDED, 0))).isEqualTo("succeeded");
        assertThat(StoreGlance.runClass(run(RunStatus.FAILED, 0))).contains("bad");
        assertThat(StoreGlance.runStatus(run(RunStatus.FAILED, 0))).isEqualTo("failed");
    }

    @Test
    void actionForms_carryTheCsrfToken_andEscapeTheirParts() {
        String form = StoreGlance.form("/dashboard/stores/a\"b/sync", "tok<en", "Sync", "sync-full", "mode", "full");

        assertThat(form).contains("method=\"post\"").contains("action=\"/dashboard/stores/a&quot;b/sync\"")
                .contains("name=\"csrf\" value=\"tok&lt;en\"").contains("name=\"mode\" value=\"full\"");
    }
}
