package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example of docs/engine.md works as printed: the test takes the Java block that follows the
 * {@code embedding-example} marker from the page, compiles it unchanged, and runs it against the WooCommerce
 * and Golisto emulators, with a host routing the four endpoints the page's table names to the engine.
 */
class EmbeddingExampleIT {

    private static final Path PAGE = Path.of("..", "docs", "engine.md");
    private static final String MARKER = "<!-- embedding-example";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
    WooCommerceEmulator woo;
    GolistoEmulator golisto;
    TestingHost host;
    SyncEngine engine;

    @BeforeEach
    void startRemotes() throws Exception {
        woo = WooCommerceEmulator.builder().webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        woo.loadCsv(WooCommerceEndToEndIT.sampleCatalog());
        golisto = GolistoEmulator.builder().build();
        golisto.start();
        host = new TestingHost(Clock.systemUTC()).startHost();
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        host.close();
        golisto.close();
        woo.close();
    }

    @Test
    void example_withTheShopsKeys_linksTheStore_andAfterApprovalListsTheCatalogOnGolisto() throws Exception {
        WooApiKey key = woo.createApiKey("read_write");
        Map<String, String> shop = shopSettings();
        shop.put("consumer-key", key.consumerKey());
        shop.put("consumer-secret", key.consumerSecret());

        URI link = runExample(shop);

        assertThat(link.toString()).as("the Golisto connect page").startsWith(golisto.webBaseUri().toString());
        HttpResponse<String> landing = browser.send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(200);
        String connection = engine.store("shop-1").orElseThrow().accountId();
        golisto.approve(connection);
        assertThat(engine.refreshStatus("shop-1").status()).isEqualTo(ConnectionStatus.APPROVED);
        RunView first = engine.awaitRun(engine.recentRuns("shop-1", 1).get(0).id(), Duration.ofMinutes(2));
        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.counts().created()).isGreaterThan(10);
        assertThat(golisto.listings(connection)).hasSize((int) first.counts().created());
    }

    @Test
    void example_withoutKeys_sendsTheMerchantToTheShopsGrantPage_thenConnects() throws Exception {
        URI link = runExample(shopSettings());

        assertThat(link.getPath()).as("WooCommerce's key grant page").isEqualTo("/wc-auth/v1/authorize");
        HttpResponse<String> shown = browser.send(HttpRequest.newBuilder(link).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(shown.statusCode()).isEqualTo(200);
        var outcome = woo.approveAuthorization(woo.pendingAuthorizations().get(0).userId());
        assertThat(outcome.callbackStatus()).as("the host stored the keys").isEqualTo(200);
        URI connect = engine.beginConnect("shop-1");
        assertThat(connect.toString()).startsWith(golisto.webBaseUri().toString());
        HttpResponse<String> landing = browser.send(HttpRequest.newBuilder(connect).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).as(landing.body()).isEqualTo(200);
        assertThat(engine.store("shop-1").orElseThrow().status()).isEqualTo(ConnectionStatus.AWAITING_APPROVAL);
    }

    private Map<String, String> shopSettings() {
        Map<String, String> shop = new HashMap<>();
        shop.put("url", woo.homeUrl());
        // the emulator and the host are on loopback, which WooCommerce's delivery check would refuse
        shop.put("strict-delivery-urls", "false");
        return shop;
    }

    /** Compiles the page's example, calls its {@code start}, and routes the host's endpoints to its engine. */
    private URI runExample(Map<String, String> shop) throws Exception {
        Path classes = compile(exampleSource());
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> example = loader.loadClass("EmbeddedGolistoSync");
            Method start = example.getMethod("start", Path.class, URI.class, Map.class, Map.class);
            Object started = start.invoke(null, dir.resolve("data"), host.baseUri(), shop,
                    Map.of("api-url", golisto.apiBaseUri().toString(), "web-url", golisto.webBaseUri().toString()));
            engine = (SyncEngine) started.getClass().getMethod("engine").invoke(started);
            host.engine(engine);
            return (URI) started.getClass().getMethod("merchantLink").invoke(started);
        }
    }

    static String exampleSource() throws IOException {
        String page = Files.readString(PAGE);
        int marker = page.indexOf(MARKER);
        assertThat(marker).as("docs/engine.md marks its embedding example").isNotNegative();
        int open = page.indexOf("```java\n", marker);
        int close = page.indexOf("\n```", open + 8);
        return page.substring(open + "```java\n".length(), close + 1);
    }

    private Path compile(String source) throws IOException {
        Path src = dir.resolve("example-src/EmbeddedGolistoSync.java");
        Path out = dir.resolve("example-classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, errors, errors, List.of("-proc:none", "-Xlint:all,-path", "-Werror",
                "-classpath", System.getProperty("java.class.path"), "-d", out.toString(), src.toString())
                .toArray(String[]::new));
        assertThat(status).as("the example compiles as printed, without warnings:%n%s",
                errors.toString(StandardCharsets.UTF_8)).isZero();
        return out;
    }
}
