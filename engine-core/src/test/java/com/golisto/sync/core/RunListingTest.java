package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.testing.EngineHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link SyncEngine#runs}: a store's run history a page at a time, filtered, newest first. */
class RunListingTest {

    EngineHarness h;

    @BeforeEach
    void open() {
        h = EngineHarness.create().seedCatalog();
        h.open();
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void pagesFollowEachOther_newestFirst_withoutOverlap_untilTheLastHasNoCursor() throws Exception {
        h.approvedStore();
        for (int i = 0; i < 4; i++) {
            h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);
        }
        List<RunId> all = h.engine().recentRuns(STORE, 100).stream().map(RunView::id).toList();

        List<RunId> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        RunId after = null;
        do {
            RunPage page = h.engine().runs(STORE, new RunQuery(null, null, null, after, 2));
            page.runs().forEach(r -> paged.add(r.id()));
            sizes.add(page.runs().size());
            after = page.next();
        } while (after != null);

        assertThat(all).hasSize(5);
        assertThat(paged).containsExactlyElementsOf(all);
        assertThat(sizes).containsExactly(2, 2, 1);
    }

    @Test
    void filters_keepOnlyTheRunsAsked() throws Exception {
        h.approvedStore();
        h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);
        h.engine().syncAndWait(STORE, SyncMode.INCREMENTAL);

        RunPage incrementals = h.engine().runs(STORE, new RunQuery(RunKind.INCREMENTAL, null, null, null, 10));
        RunPage failed = h.engine().runs(STORE, new RunQuery(null, RunStatus.FAILED, null, null, 10));
        RunPage future = h.engine().runs(STORE,
                new RunQuery(null, null, h.clock.instant().plusSeconds(60), null, 10));

        assertThat(incrementals.runs()).hasSize(2).allSatisfy(r -> assertThat(r.kind()).isEqualTo(RunKind.INCREMENTAL));
        assertThat(incrementals.next()).isNull();
        assertThat(failed.runs()).isEmpty();
        assertThat(future.runs()).isEmpty();
    }

    @Test
    void anUnknownStore_isRefused_andALimitOutOfRange_isNotAQuery() {
        assertThatThrownBy(() -> h.engine().runs("no-such-store", RunQuery.firstPage(10)))
                .isInstanceOf(UnknownStoreException.class);
        assertThatThrownBy(() -> RunQuery.firstPage(0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> RunQuery.firstPage(RunQuery.MAX_LIMIT + 1)).hasMessageContaining("limit");
    }
}
