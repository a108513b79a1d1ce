package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.http.Fault;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out benchmark (docs/scale-out.md, "Measured"): a fleet of WooCommerce emulator stores, each answering
 * after a shop-like latency, synced by 1, 2 and 3 packaged runner processes sharing one throwaway PostgreSQL (a fresh
 * database and fleet per node count). Per node count it prints one line: the first full sync of the whole fleet
 * (products reconciled per minute, from the first approval to the last store fully listed) and the order import lag
 * of a burst of Golisto sales afterwards (sale created to sale acknowledged with its shop order: median, p95, max).
 *
 * <p>Not part of the test suite (neither Surefire nor Failsafe picks this name); run it with
 * {@code mvn -B -ntp verify -pl integration-tests -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ScaleOutBenchmark}. Sizes come from the environment: {@code GS_SCALEOUT_STORES} (20),
 * {@code GS_SCALEOUT_PRODUCTS} per store (1000, a tenth of them variable with 3 variations),
 * {@code GS_SCALEOUT_LATENCY_MS} per shop request (150), {@code GS_SCALEOUT_SALES} (60) and
 * {@code GS_SCALEOUT_NODES} (1,2,3). The lines also go to {@code target/scale-out.txt}.
 */
class ScaleOutBenchmark {

    @TempDir
    Path dir;

    @Test
    void fleet_onOneTwoAndThreeRunners_printsThroughputAndOrderLag() throws Exception {
        int stores = env("GS_SCALEOUT_STORES", 20);
        int products = env("GS_SCALEOUT_PRODUCTS", 1000);
        int latencyMs = env("GS_SCALEOUT_LATENCY_MS", 150);
        int salesCount = env("GS_SCALEOUT_SALES", 60);
        List<String> lines = new ArrayList<>();
        for (String n : System.getenv().getOrDefault("GS_SCALEOUT_NODES", "1,2,3").split(",")) {
            int nodes = Integer.parseInt(n.trim());
            String line = run(nodes, stores, products, latencyMs, salesCount);
            System.out.println(line);
            lines.add(line);
            Files.write(Path.of("target", "scale-out.txt"), lines);
        }
    }

    private String run(int nodeCount, int storeCount, int products, int latencyMs, int salesCount) throws Exception {
        Path runDir = Files.createDirectories(dir.resolve("nodes-" + nodeCount));
        try (TestingCluster cluster = TestingCluster.start(runDir, nodeCount, storeCount)) {
            long published = 0;
            for (int i = 0; i < storeCount; i++) {
                cluster.shop(i).seedCatalog(new WooCatalogGenerator.Spec(products, products / 10, 3, 1000L + i));
                for (String method : List.of("GET", "POST", "PUT")) {
                    cluster.shop(i).faults().inject(method, ".*", Fault.latency(Duration.ofMillis(latencyMs)),
                            Integer.MAX_VALUE);
                }
                published += published(cluster, i);
            }
            cluster.startNodes();
            long start = System.nanoTime();
            cluster.connectAll();
            for (int i = 0; i < storeCount; i++) {
                int store = i;
                long expected = published(cluster, i);
                cluster.await(cluster.storeId(i) + " lists its catalog", TestingCluster.BENCHMARK_DEADLINE,
                        () -> cluster.listings(store).size() == expected,
                        () -> cluster.listings(store).size() + " of " + expected + " listed");
            }
            double minutes = (System.nanoTime() - start) / 60e9;

            Map<String, Long> soldAt = new LinkedHashMap<>();
            for (int s = 0; s < salesCount; s++) {
                int store = s % storeCount;
                String product = cluster.listings(store).stream()
                        .filter(l -> l.variantIds().isEmpty() && l.stock().stockStatus().equals("in_stock")
                                && (l.stock().quantity() == null || l.stock().quantity() >= 10))
                        .map(GolistoListing::externalId).sorted().skip(s / storeCount).findFirst().orElseThrow();
                soldAt.put(cluster.golisto().sales().create(GolistoSale.builder(cluster.account(store))
                        .line(product, 1).buyer("Buyer " + s, "buyer" + s + "@example.com").build()), System.nanoTime());
            }
            List<Long> lags = new ArrayList<>();
            Map<String, Long> pending = new LinkedHashMap<>(soldAt);
            cluster.await("every sale acknowledged", TestingCluster.BENCHMARK_DEADLINE, () -> {
                long now = System.nanoTime();
                pending.entrySet().removeIf(sale -> {
                    boolean acked = cluster.golisto().sales().acknowledgement(sale.getKey()).isPresent();
                    if (acked) {
                        lags.add((now - sale.getValue()) / 1_000_000);
                    }
                    return acked;
                });
                return pending.isEmpty();
            }, () -> pending.size() + " of " + soldAt.size() + " sales not acknowledged");
            assertThat(lags).hasSize(salesCount);
            lags.sort(Long::compare);
            return String.format(java.util.Locale.ROOT, "nodes=%d stores=%d products=%d latency_ms=%d"
                            + " first_full_sync_s=%.1f products_per_minute=%.0f order_lag_ms median=%d p95=%d max=%d"
                            + " (%d sales)", nodeCount, storeCount, published, latencyMs, minutes * 60,
                    published / minutes, lags.get(lags.size() / 2), lags.get((int) Math.ceil(lags.size() * 0.95) - 1),
                    lags.get(lags.size() - 1), salesCount);
        }
    }

    private static long published(TestingCluster cluster, int store) {
        return cluster.shop(store).merchant().productIds().stream()
                .filter(id -> cluster.shop(store).merchant().product(id).orElseThrow().path("status").asText()
                        .equals("publish"))
                .count();
    }

    private static int env(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
