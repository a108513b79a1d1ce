package com.golisto.sync.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.golisto.sync.app.metrics.RunnerMetrics;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A request value with line breaks reaches the log escaped, on the one line of its event. */
class LogInjectionTest {
    @BeforeAll
    static void readLogback() throws ClassNotFoundException {
        // logback is the runner's runtime binding, not a module the runner reads; this test inspects its output
        LogInjectionTest.class.getModule().addReads(Class.forName("ch.qos.logback.classic.LoggerContext").getModule());
        LogInjectionTest.class.getModule().addReads(Class.forName("ch.qos.logback.core.OutputStreamAppender").getModule());
    }

    @Test
    void crLfInAQueryValue_neverSplitsALogLine() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger logger = context.getLogger(ConnectRoutes.class);
        Level levelBefore = logger.getLevel();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("level=%level %msg%n");
        encoder.start();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        logger.addAppender(appender);
        logger.setLevel(Level.INFO);
        RunnerMetrics metrics = new RunnerMetrics();
        try (RunnerServer server = new RunnerServer("127.0.0.1", 0, metrics).start(
                new ConnectRoutes(TestingEdgeEngine.create(new AtomicInteger())).routes());
             HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(server.localUri().resolve(
                    "/connect/return?error=denied%0D%0Alevel%3DERROR%20event%3Dforged%0Aevent%3Dalso_forged%E2%80%A8x"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(page.statusCode()).isEqualTo(400);
            assertThat(page.body()).doesNotContain("<script");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(levelBefore);
            appender.stop();
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("level=INFO event=connect_refused error=\"denied\\r\\nlevel=ERROR")
                .contains("\\nevent=also_forged").contains("\\u2028").doesNotContain("\u2028");
    }

    @Test
    void logValue_escapesControlsAndQuotes_andBoundsTheLength() {
        assertThat(LogValue.of("a\"b\\c\u0007")).isEqualTo("a\\\"b\\\\c\\u0007");
        assertThat(LogValue.of(null)).isEqualTo("-");
        assertThat(LogValue.of("x".repeat(100_000))).hasSizeLessThan(LogValue.MAX_CHARS + 30).endsWith("(100000 chars)");
    }
}
