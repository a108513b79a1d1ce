package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Faults;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A full pass taken over from a dead node resumes where that node's pass stood: the checkpoint is in the shared
 * database, so the node that picks the dead node's task reads only the pages after it, and the sweep of the one pass
 * generation still deletes only what neither part saw. Two engine nodes on one database, the first hung in the middle
 * of its daily pass and closed (no heartbeat, no lease renewal: as good as killed).
 */
class ClusterResumeTest {

    private static final int PRODUCTS = 40;
    private static final int PAGE = 4;

    private EngineHarness h;

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void dailyPassOfADeadNode_isResumedByAnotherNodeFromItsCheckpoint_notStartedOver() throws Exception {
        h = EngineHarness.create();
        for (int i = 1; i <= PRODUCTS; i++) {
            h.shop.put(Products.simple(Integer.toString(i), "Product " + i, "10", null, 5));
        }
        h.shop.pageSize(PAGE);
        h.marketplace.batchSize(PAGE);
        h.open();
        h.approvedStore();
        for (int i = 1; i <= PRODUCTS; i++) {
            h.shop.put(Products.simple(Integer.toString(i), "Product " + i, "12", null, 5));
        }
        h.shop.deletePermanently("3");
        String account = h.account(EngineHarness.STORE);
        SyncEngine survivor = h.openNode("node-2");

        // node-1's daily pass stops at its seventh page: six pages' writes are sent and checkpointed
        h.shop.faults().passNext(FakeShop.Op.READ_ALL, 6);
        Faults.Gate hung = h.shop.faults().hold(FakeShop.Op.READ_ALL);
        h.clock.advance(Duration.ofDays(1));
        Thread dying = Thread.ofVirtual().start(() -> {
            try {
                h.engine().runDueWork();
            } catch (Exception | Error e) {
                // the node is dead: whatever it does after its database was closed does not matter
            }
        });
        assertThat(hung.awaitEntered(60)).as("node-1's daily pass is at its seventh page").isTrue();
        h.closeEngine();
        long readsBefore = h.shop.faults().calls(FakeShop.Op.READ_ALL);

        h.clock.advance(EngineOptions.Cluster.defaults().silenceBeforeTakeOver().plusSeconds(1));
        survivor.runDueWork();

        RunView resumed = survivor.recentRuns(EngineHarness.STORE, 10).stream()
                .filter(r -> r.kind() == RunKind.FULL && r.status() == RunStatus.SUCCEEDED).findFirst().orElseThrow();
        long pagesRead = h.shop.faults().calls(FakeShop.Op.READ_ALL) - readsBefore;
        assertThat(pagesRead).as("pages 7 to 10 (and the end), not the whole catalog").isBetween(4L, 5L);
        assertThat(resumed.counts().deleted()).as("the product deleted before page 1 is swept").isEqualTo(1);
        assertThat(h.marketplace.listings(account)).hasSize(PRODUCTS - 1)
                .allSatisfy(l -> assertThat(l.product().price().amount()).isEqualByComparingTo("12"));
        hung.release();
        dying.join(Duration.ofSeconds(30));
        survivor.close();
    }
}
