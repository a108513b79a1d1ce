package com.golisto.sync.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.demo.DemoOptions;
import com.golisto.sync.app.demo.DemoSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo tells the whole story to the end, and what it tells is what the emulators hold. */
class EmulatorDemoTest {
    @TempDir
    Path dir;

    @Test
    void demo_runsTheWholeStoryToTheEnd() throws Exception {
        StringWriter story = new StringWriter();
        DemoSummary summary;
        try (EmulatorDemo demo = EmulatorDemo.start(new DemoOptions(dir.resolve("data"), 24, 0, false), new PrintWriter(story, true))) {
            summary = demo.run();

            String account = demo.runner().engine().store(EmulatorDemo.STORE).orElseThrow().accountId();
            assertThat(demo.golisto().listings(account)).hasSize(24);
            assertThat(demo.woo().order(summary.wooOrderId())).hasValueSatisfying(o ->
                    assertThat(o.path("status").asText()).isEqualTo("completed"));
            assertThat(demo.runner().engine().deadLetters()).isEmpty();
        }

        assertThat(summary.products()).isEqualTo(24);
        assertThat(summary.listings()).isEqualTo(24);
        assertThat(summary.fullSyncCreated()).isEqualTo(24);
        assertThat(summary.wooOrderStatus()).isEqualTo("completed");
        assertThat(summary.orderNotes()).isGreaterThanOrEqualTo(2);
        assertThat(story.toString())
                .contains("Emulators up").contains("Runner up").contains("Store registered: demo-shop")
                .contains("Connect link for the merchant: " + "http://127.0.0.1:")
                .contains("Merchant linked").contains("/connect/return")
                .contains("Credentials sent").contains("status: awaiting approval")
                .contains("Approved").contains("connection.approved webhook reached the runner")
                .contains("Webhooks registered: WooCommerce now sends 4 product topics")
                .contains("Full sync succeeded").contains("Golisto lists 24 products")
                .contains("Price change").contains("Golisto shows " + summary.priceOnGolisto())
                .contains("Golisto sale").contains("became WooCommerce order #" + summary.wooOrderId())
                .contains("Shipped with DHL").contains("payout paid")
                .contains("Summary: 24 products");
    }
}
