package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.golisto.sync.api.spi.RetryableException;
import com.golisto.sync.sandbox.golisto.GolistoSale;
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
 * Every line the engine (and the connectors it drives) logs for a store carries the store id in SLF4J's
 * MDC under {@code store}, on whatever thread it runs; the caller's MDC is left as it was.
 */
class EngineLoggingIT extends EngineTestBase {

    /** One logged line as it was on the logging thread. */
    record Line(String logger, String level, String message, Map<String, String> mdc) {
    }

    /** Copies the MDC at append time (logback reads it lazily otherwise, possibly on another thread). */
    static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<Line> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(new Line(event.getLoggerName(), event.getLevel().toString(), event.getFormattedMessage(),
                    Map.copyOf(event.getMDCPropertyMap())));
        }
    }

    final Capture capture = new Capture();
    Logger golistoLogger;
    Level levelBefore;

    @BeforeEach
    void capture() {
        golistoLogger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("com.golisto.sync");
        capture.setContext(golistoLogger.getLoggerContext());
        capture.start();
        // this module's logback-test.xml logs WARN and up; the MDC is checked on every line, INFO included
        levelBefore = golistoLogger.getLevel();
        golistoLogger.setLevel(Level.INFO);
        golistoLogger.setAdditive(false);
        golistoLogger.addAppender(capture);
    }

    @AfterEach
    void release() {
        golistoLogger.detachAppender(capture);
        golistoLogger.setLevel(levelBefore);
        golistoLogger.setAdditive(true);
        MDC.clear();
    }

    @Test
    void everyLineLoggedForAStore_carriesItsIdInTheMdc_acrossConnectRunsWebhooksSchedulesAndDisconnect()
            throws Exception {
        registerAndConnect();
        fx.approve(STORE);
        shop.put(simple("101", "Beanie, blue", "18", null, 10));
        shop.sendProductWebhook("d-1", "101", "updated");
        fx.advance(Duration.ofSeconds(3));
        for (int i = 0; i < 6; i++) {
            shop.failNext("readAll", new RetryableException("503 from the shop", null));
        }
        fx.engine.syncAndWait(STORE, SyncMode.FULL);
        fx.golisto.sales().create(GolistoSale.builder(fx.connectionId(STORE)).line("101", 1).build());
        fx.golisto.webhooks().deliverPending();
        fx.advance(Duration.ofMinutes(20));
        fx.engine.disconnect(STORE);

        List<Line> aboutTheStore = capture.lines.stream().filter(l -> l.message().contains(STORE)).toList();
        assertThat(aboutTheStore).as("connect, approval, runs, the failed run, order, disconnect")
                .hasSizeGreaterThanOrEqualTo(8)
                .anySatisfy(l -> assertThat(l.level()).isEqualTo("WARN"))
                .anySatisfy(l -> assertThat(l.logger()).contains(".connector."))
                .allSatisfy(l -> assertThat(l.mdc()).as(l.logger() + ": " + l.message())
                        .containsEntry("store", STORE));
        assertThat(MDC.get("store")).as("the test thread's MDC is restored").isNull();
    }

    @Test
    void theCallersOwnMdcValue_isRestoredAfterTheEngineWorkedForAStore() throws Exception {
        registerAndConnect();
        MDC.put("store", "host-request");

        fx.approve(STORE);
        shop.sendProductWebhook("d-2", "101", "updated");
        fx.advance(Duration.ofSeconds(3));

        assertThat(MDC.get("store")).isEqualTo("host-request");
        assertThat(capture.lines).filteredOn(l -> l.message().contains("approved by the marketplace"))
                .singleElement().satisfies(l -> assertThat(l.mdc()).containsEntry("store", STORE));
    }
}
