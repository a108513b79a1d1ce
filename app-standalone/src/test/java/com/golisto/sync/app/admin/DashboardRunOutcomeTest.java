package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DashboardRunOutcomeTest {

    private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

    private static RunView run(RunStatus status, long failedItems) {
        return new RunView(new RunId(7), "my-shop", RunKind.FULL, status, AT, status == RunStatus.RUNNING ? null : AT,
                new RunCounts(10, 2, 3, 0, 5 - failedItems, failedItems, 12), status == RunStatus.FAILED ? "boom" : null);
    }

    @Test
    void aRunThatSucceededWithFailedItems_looksFailed_asPartlyFailed() {
        RunView partly = run(RunStatus.SUCCEEDED, 2);

        assertThat(DashboardPage.outcome(partly)).isEqualTo("partly failed");
        assertThat(DashboardPage.outcomeClass(partly)).isEqualTo("bad");
    }

    @Test
    void aCleanRun_looksOk_aFailedRun_looksFailed_aRunningRun_isMuted() {
        assertThat(DashboardPage.outcome(run(RunStatus.SUCCEEDED, 0))).isEqualTo("succeeded");
        assertThat(DashboardPage.outcomeClass(run(RunStatus.SUCCEEDED, 0))).isEqualTo("ok");
        assertThat(DashboardPage.outcome(run(RunStatus.FAILED, 0))).isEqualTo("failed");
        assertThat(DashboardPage.outcomeClass(run(RunStatus.FAILED, 0))).isEqualTo("bad");
        assertThat(DashboardPage.outcomeClass(run(RunStatus.RUNNING, 0))).isEqualTo("muted");
    }
}
