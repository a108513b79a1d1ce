package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RunStore#page}: a store's runs newest first, paged by id and filtered by kind, status and start. */
class RunPageTest extends TwoStoresTestBase {

    @Test
    void page_newestFirst_continuesBelowTheLastId_withoutRepeatingARunAddedMeanwhile() {
        SyncRun a = finished("s1", RunKind.FULL, RunStatus.SUCCEEDED);
        SyncRun b = finished("s1", RunKind.INCREMENTAL, RunStatus.FAILED);
        SyncRun c = finished("s1", RunKind.ORDERS, RunStatus.SUCCEEDED);
        finished("s2", RunKind.FULL, RunStatus.SUCCEEDED);

        List<SyncRun> first = store.runs().page("s1", null, null, null, null, 2);
        finished("s1", RunKind.FULL, RunStatus.SUCCEEDED);
        List<SyncRun> second = store.runs().page("s1", null, null, null, first.get(1).id(), 2);

        assertThat(first).extracting(SyncRun::id).containsExactly(c.id(), b.id());
        assertThat(second).extracting(SyncRun::id).containsExactly(a.id());
    }

    @Test
    void page_filtersByKindStatusAndStart() {
        SyncRun fullOk = finished("s1", RunKind.FULL, RunStatus.SUCCEEDED);
        Instant later = clock.instant().plusSeconds(1);
        SyncRun fullFailed = finished("s1", RunKind.FULL, RunStatus.FAILED);
        SyncRun incremental = finished("s1", RunKind.INCREMENTAL, RunStatus.FAILED);

        assertThat(store.runs().page("s1", RunKind.FULL, null, null, null, 10)).extracting(SyncRun::id)
                .containsExactly(fullFailed.id(), fullOk.id());
        assertThat(store.runs().page("s1", null, RunStatus.FAILED, null, null, 10)).extracting(SyncRun::id)
                .containsExactly(incremental.id(), fullFailed.id());
        assertThat(store.runs().page("s1", RunKind.FULL, RunStatus.FAILED, null, null, 10)).extracting(SyncRun::id)
                .containsExactly(fullFailed.id());
        assertThat(store.runs().page("s1", null, null, later, null, 10)).extracting(SyncRun::id)
                .containsExactly(incremental.id(), fullFailed.id());
    }

    private SyncRun finished(String storeId, RunKind kind, RunStatus status) {
        clock.advance(Duration.ofSeconds(10));
        SyncRun run = store.runs().start(storeId, kind);
        return store.runs().finish(run.id(), status, RunCounts.zero(), status == RunStatus.FAILED ? "failed" : null);
    }
}
