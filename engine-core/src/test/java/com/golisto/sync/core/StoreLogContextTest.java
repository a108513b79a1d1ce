package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.core.testing.EngineHarness;
import com.golisto.sync.core.testing.FakeMarketplace.SaleLine;
import com.golisto.sync.core.testing.FakeShop;
import com.golisto.sync.core.testing.Products;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every line the engine logs for a store carries the store id in SLF4J's MDC under {@code store}, on
 * whatever thread it runs; the caller's MDC is left as it was.
 */
class StoreLogContextTest {

    record Line(String level, String message, Map<String, String> mdc) {
    }

    /** Copies the MDC at append time (logback reads it lazily otherwise, possibly on another thread). */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<Line> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(new Line(event.getLevel().toString(), event.getFormattedMessage(),
                    Map.copyOf(event.getMDCPropertyMap())));
        }
    }

    final Capture capture = new Capture();
    Logger engineLogger;
    EngineHarness h;

    @BeforeEach
    void open() {
        engineLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("com.golisto.sync");
        capture.setContext(engineLogger.getLoggerContext());
        capture.start();
        engineLogger.addAppender(capture);
        h = EngineHarness.create().seedCatalog();
        h.open();
    }

    @AfterEach
    void close() {
        h.close();
        engineLogger.detachAppender(capture);
        MDC.clear();
    }

    @Test
    void everyLineLoggedForAStore_carriesItsIdInTheMdc_acrossConnectRunsWebhooksSchedulesAndDisconnect()
            throws Exception {
        h.approvedStore();
        h.shop.put(Products.simple("101", "Beanie, blue", "18", null, 10));
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-1", "101", "updated"));
        h.advance(Duration.ofSeconds(3));
        h.shop.faults().failNext(FakeShop.Op.READ_ALL, 6, () -> new RetryableException("503 from the shop", null));
        h.engine().syncAndWait(STORE, SyncMode.FULL);
        String sale = h.marketplace.createSale(h.account(STORE), new SaleLine("101", null, 1));
        h.engine().handleMarketplaceWebhook(h.marketplace.webhook(h.account(STORE), "order.created", sale));
        h.advance(Duration.ofMinutes(20));
        h.engine().disconnect(STORE);

        List<Line> aboutTheStore = capture.lines.stream().filter(l -> l.message().contains(STORE)).toList();
        assertThat(aboutTheStore).as("connect, approval, runs, the failed run, order, disconnect")
                .hasSizeGreaterThanOrEqualTo(6)
                .anySatisfy(l -> assertThat(l.level()).isEqualTo("WARN"))
                .allSatisfy(l -> assertThat(l.mdc()).as(l.message()).containsEntry("store", STORE));
        assertThat(MDC.get("store")).as("the test thread's MDC is restored").isNull();
    }

    @Test
    void theCallersOwnMdcValue_isRestoredAfterTheEngineWorkedForAStore() throws Exception {
        h.register(STORE);
        h.connect(STORE);
        MDC.put("store", "host-request");

        h.approve(STORE);
        h.engine().handleShopWebhook(STORE, h.shop.productWebhook("d-2", "101", "updated"));
        h.advance(Duration.ofSeconds(3));

        assertThat(MDC.get("store")).isEqualTo("host-request");
        assertThat(capture.lines).filteredOn(l -> l.message().contains("approved by the marketplace"))
                .singleElement().satisfies(l -> assertThat(l.mdc()).containsEntry("store", STORE));
    }
}
