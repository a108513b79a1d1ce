package com.golisto.sync.app;

import static com.golisto.sync.app.TestingProcessSandbox.HOLD;
import static com.golisto.sync.app.TestingProcessSandbox.WOO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full syncs of a 1,500-product shop (300 variable, 900 variations) SIGKILLed for real at three points (before
 * the first batch, with the third batch in flight, with the sweep's first deletion batch in flight), the
 * packaged runner restarted each time on the same data folder: the Golisto catalog ends equal to the shop's,
 * every listing once, and every killed run shows as failed, interrupted.
 *
 * <p>Each kill point is exact: the emulator holds the chosen request ({@link TestingProcessSandbox#HOLD}) until the
 * test releases it, and the runner is killed while it waits for the answer; a held write is then released and
 * carried out by the emulator, its answer lost. No wait is on elapsed time: the test waits for the emulators' and
 * the admin API's state (deadlines only bound a failure).
 */
class CatalogProcessKillIT {
    private static final String CATALOG_BATCH = "POST /api/woocommerce/catalog/batch";
    private static final String VARIATIONS = "GET " + WOO + "/products/{id}/variations";
    private static final String PRODUCT = "GET " + WOO + "/products/{id}";
    private static final int PRODUCTS = 1_500;

    @TempDir
    Path dir;

    private TestingProcessSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = TestingProcessSandbox.start(dir);
        sandbox.woo.seedCatalog(new WooCatalogGenerator.Spec(PRODUCTS, 300, 3, 11L));
        sandbox.configure(Duration.ofHours(24));
    }

    @AfterEach
    void stop() throws Exception {
        sandbox.close();
    }

    @Test
    void fullSync_killedBeforeTheFirstBatch_withABatchInFlight_andWithDeletionsInFlight_endsEqualToTheShop() throws Exception {
        // kill 1: approval starts the first full sync; killed while it reads the shop's first page
        sandbox.woo.faults().inject("GET", WOO + "/products/\\d+/variations", Fault.latency(HOLD), 2);
        RunnerProcess runner = sandbox.startRunner();
        String account = sandbox.connectAndApprove();
        sandbox.awaitRequests(sandbox.woo, VARIATIONS, 1);
        long killed1 = sandbox.runningRunId("full");
        runner.kill();
        assertThat(sandbox.golisto.requests().count(CATALOG_BATCH)).as("kill 1 comes before any catalog batch").isZero();
        sandbox.woo.faults().clear();
        sandbox.release(sandbox.woo);

        // kill 2: restarted, the runner starts the full sync again by itself (no pass ever completed); killed
        // while its third batch is in flight: Golisto applies it, the runner never hears back
        sandbox.golisto.faults().inject("POST", "/api/woocommerce/catalog/batch", Fault.latency(Duration.ZERO), 2);
        sandbox.golisto.faults().inject("POST", "/api/woocommerce/catalog/batch", Fault.latency(HOLD), 1);
        runner = sandbox.startRunner();
        sandbox.awaitRequests(sandbox.golisto, CATALOG_BATCH, 3);
        long killed2 = sandbox.runningRunId("full");
        runner.kill();
        sandbox.release(sandbox.golisto);
        sandbox.await("the batch in flight at kill 2 reaches Golisto", () -> listings(account).size() >= 300,
                () -> listings(account).size() + " listings");
        assertThat(listings(account)).as("three batches of 100, no more").hasSize(300);

        // restarted: the interrupted first sync is redone by itself; then a full sync through the admin API
        runner = sandbox.startRunner();
        sandbox.await("the runner redoes the interrupted first full sync", () -> runsQuietly().stream()
                .anyMatch(r -> r.path("kind").asText().equals("full") && r.path("id").asLong() > killed2), () -> "");
        JsonNode redone = sandbox.runs().stream().filter(r -> r.path("id").asLong() > killed2).findFirst().orElseThrow();
        JsonNode requested = sandbox.awaitRun(sandbox.requestFullSync());
        redone = sandbox.awaitRun(redone.path("id").asLong());
        assertThat(redone.path("status").asText()).as(redone.toString()).isEqualTo("succeeded");
        assertThat(redone.path("counts").path("created").asLong())
                .as("the two batches answered before kill 2 are not sent again").isLessThanOrEqualTo(PRODUCTS - 200);
        assertThat(requested.path("status").asText()).as(requested.toString()).isEqualTo("succeeded");
        assertThat(requested.path("counts").path("created").asLong()).as(requested.toString()).isZero();
        assertThat(requested.path("counts").path("deleted").asLong()).as(requested.toString()).isZero();
        sandbox.assertInterrupted(killed1);
        sandbox.assertInterrupted(killed2);
        assertGolistoEqualsShop(account, PRODUCTS);

        // kill 3: the merchant deletes 150 products (WooCommerce sends no webhook for that) and changes prices
        // and stock; a full sync writes the changes, then its sweep checks the unseen products with the shop
        // and is killed while its first deletion batch is in flight: Golisto deletes, the runner never hears back
        List<Long> ids = sandbox.woo.merchant().productIds();
        for (int i = 0; i < 150; i++) {
            sandbox.woo.merchant().deletePermanently(ids.get(5 + i * 9));
        }
        for (int i = 0; i < 20; i++) {
            long repriced = simpleProduct(ids, 7 + i * 61);
            BigDecimal price = new BigDecimal(sandbox.woo.merchant().product(repriced).orElseThrow()
                    .path("regular_price").asText());
            sandbox.woo.merchant().setRegularPrice(repriced, price.add(new BigDecimal("1.25")).toPlainString());
            sandbox.woo.merchant().setStock(simpleProduct(ids, 11 + i * 67), 40 + i);
        }
        long checks = sandbox.woo.requests().count(PRODUCT);
        long batches = sandbox.golisto.requests().count(CATALOG_BATCH);
        // the pass's one batch of changes (40 listings: the stock updates ride along), then the sweep's first
        // deletion batch, held
        sandbox.golisto.faults().inject("POST", "/api/woocommerce/catalog/batch", Fault.latency(Duration.ZERO), 1);
        sandbox.golisto.faults().inject("POST", "/api/woocommerce/catalog/batch", Fault.latency(HOLD), 1);
        long killed3 = sandbox.requestFullSync();
        sandbox.awaitRequests(sandbox.golisto, CATALOG_BATCH, batches + 2);
        assertThat(listings(account)).as("nothing is deleted before the first deletion batch").hasSize(PRODUCTS);
        assertThat(sandbox.woo.requests().count(PRODUCT) - checks)
                .as("the unseen products are checked with the shop 100 ids a list request, not one by one").isZero();
        runner.kill();
        sandbox.release(sandbox.golisto);
        sandbox.await("the deletions in flight at kill 3 reach Golisto", () -> listings(account).size() <= PRODUCTS - 100,
                () -> listings(account).size() + " listings");
        assertThat(listings(account)).as("one batch of 100 deletions, no more").hasSize(PRODUCTS - 100);
        sandbox.woo.faults().clear();

        // restarted: a full sync through the admin API completes what the killed ones began
        sandbox.startRunner();
        JsonNode last = sandbox.awaitRun(sandbox.requestFullSync());
        assertThat(last.path("status").asText()).as(last.toString()).isEqualTo("succeeded");
        assertThat(last.path("counts").path("created").asLong()).as("changes written before kill 3 are not redone: "
                + last).isZero();
        assertThat(last.path("counts").path("updated").asLong()).as("changes written before kill 3 are not redone: "
                + last).isZero();
        sandbox.assertInterrupted(killed3);
        assertGolistoEqualsShop(account, PRODUCTS - 150);
        assertThat(sandbox.woo.webhookIds()).as("the four product webhooks, registered once over five processes")
                .hasSize(4);
        sandbox.assertNoDeadLetters();
    }

    private List<GolistoListing> listings(String account) {
        return sandbox.golisto.listings(account);
    }

    private List<JsonNode> runsQuietly() {
        try {
            return sandbox.runs();
        } catch (java.io.IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    private long simpleProduct(List<Long> ids, int from) {
        for (int i = from; ; i++) {
            Optional<JsonNode> p = sandbox.woo.merchant().product(ids.get(i % ids.size()));
            if (p.isPresent() && p.get().path("type").asText().equals("simple")) {
                return p.get().path("id").asLong();
            }
        }
    }

    /**
     * Golisto lists exactly the shop's published products, each once, with the shop's title, prices and stock,
     * variations included, as the WooCommerce emulator renders them now (docs/woocommerce.md, the mapping).
     */
    private void assertGolistoEqualsShop(String account, int expectedProducts) {
        List<GolistoListing> listings = listings(account);
        assertThat(listings).extracting(GolistoListing::externalId).as("no product listed twice").doesNotHaveDuplicates();
        assertThat(listings).extracting(GolistoListing::listingId).as("no listing id twice").doesNotHaveDuplicates();
        assertThat(sandbox.woo.merchant().productIds().stream().filter(id -> sandbox.woo.merchant().product(id)
                .orElseThrow().path("status").asText().equals("publish"))).hasSize(expectedProducts);
        List<String> differences = ShopListings.differences(sandbox.woo, listings);
        assertThat(differences).as("%d differences; the first: %s", differences.size(),
                differences.stream().limit(5).collect(Collectors.joining("\n"))).isEmpty();
    }
}
