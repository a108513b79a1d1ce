package com.golisto.sync.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** {@code log.format: json}: one JSON object per line, with the fields scripts read, whatever a value holds. */
class JsonLayoutTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private Logger logger;
    private OutputStreamAppender<ILoggingEvent> appender;

    @BeforeEach
    void logger() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        JsonLayout layout = new JsonLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(written);
        appender.start();
        logger = context.getLogger("events");
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        this.appender = appender;
    }

    @AfterEach
    void clearMdc() {
        MDC.clear();
        logger.detachAppender(appender);
        logger.setLevel(null);
        logger.setAdditive(true);
        appender.stop();
    }

    private List<String> lines() {
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void eventLine_isOneJsonObjectWithTimeLevelStoreRunEventAndMessage() throws Exception {
        MDC.put("store", "my-shop");

        logger.info("event=run_finished run=42 kind=full status=succeeded");

        assertThat(lines()).hasSize(1);
        JsonNode line = JSON.readTree(lines().get(0));
        assertThat(line.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
        assertThat(line.get("level").asText()).isEqualTo("INFO");
        assertThat(line.get("store").asText()).isEqualTo("my-shop");
        assertThat(line.get("run").asText()).isEqualTo("42");
        assertThat(line.get("event").asText()).isEqualTo("run_finished");
        assertThat(line.get("message").asText()).isEqualTo("event=run_finished run=42 kind=full status=succeeded");
        assertThat(line.get("logger").asText()).isEqualTo("events");
        assertThat(line.has("exception")).isFalse();
    }

    @Test
    void hostileValue_staysInsideItsStringOnOneLine() throws Exception {
        String hostile = "x\"}\n{\"level\":\"ERROR\",\"event\":\"forged\"}\r\u2028\\";
        MDC.put("store", "my-shop");

        logger.warn("event=webhook_rejected topic={}", hostile);

        assertThat(lines()).as(written.toString(StandardCharsets.UTF_8)).hasSize(1);
        JsonNode line = JSON.readTree(lines().get(0));
        assertThat(line.get("level").asText()).isEqualTo("WARN");
        assertThat(line.get("event").asText()).isEqualTo("webhook_rejected");
        assertThat(line.get("message").asText()).isEqualTo("event=webhook_rejected topic=" + hostile);
    }

    @Test
    void exception_isOneStringFieldAndOutsideStoreWorkTheStoreIsNull() throws Exception {
        IllegalStateException boom = new IllegalStateException("boom\nsecond line");
        logger.error("event=runner_failed", boom);

        assertThat(lines()).hasSize(1);
        JsonNode line = JSON.readTree(lines().get(0));
        assertThat(line.get("store").isNull()).isTrue();
        assertThat(line.get("run").isNull()).isTrue();
        assertThat(line.get("exception").asText()).contains("java.lang.IllegalStateException: boom\nsecond line")
                .contains("\tat ").contains("JsonLayoutTest.exception_isOneStringField");
    }

    @Test
    void runAndEventInTheMdc_winOverTheMessage() throws Exception {
        MDC.put("run", "7");
        MDC.put("event", "item_failed");

        logger.info("no fields here");

        JsonNode line = JSON.readTree(lines().get(0));
        assertThat(line.get("run").asText()).isEqualTo("7");
        assertThat(line.get("event").asText()).isEqualTo("item_failed");
    }
}
