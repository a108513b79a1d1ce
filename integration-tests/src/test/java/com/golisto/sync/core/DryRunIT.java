package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dry run of the full pass on both emulators over real HTTP, with the real connectors: it reports exactly what
 * the full pass then does, and sends Golisto nothing and changes no state on the way.
 */
class DryRunIT {

    private static final String STORE = "woo-dry";

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    final MutableClock clock = MutableClock.at(EngineFixture.START);
    WooCommerceEmulator woo;
    EngineFixture fx;
    long repriced;
    long priceCleared;
    long deleted;
    long drafted;
    long unchanged;
    long draft;

    @BeforeEach
    void start() throws Exception {
        // webhooks are delivered only when a test asks: none does, so only the passes below touch the marketplace
        woo = WooCommerceEmulator.builder().clock(clock).webhookAutoDeliveryDelay(Duration.ZERO).build();
        woo.start();
        repriced = product("Beanie", "DRY-1", "18.00", "publish");
        priceCleared = product("Cap", "DRY-2", "16.50", "publish");
        deleted = product("Belt", "DRY-3", "30.00", "publish");
        drafted = product("Scarf", "DRY-4", "25.00", "publish");
        unchanged = product("Mittens", "DRY-5", "12.00", "publish");
        draft = product("Prototype", "DRY-6", "99.00", "draft");
        WooApiKey key = woo.createApiKey("read_write");
        fx = new EngineFixture(dir, clock, EngineFixture.provider("woocommerce"));
        fx.register(STORE, "woocommerce", Map.of("url", woo.homeUrl(), "consumer-key", key.consumerKey(),
                "consumer-secret", key.consumerSecret(), "strict-delivery-urls", "false"));
        fx.connect(STORE);
        RunView first = fx.approve(STORE);
        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(first.counts().created()).isEqualTo(5);
    }

    @AfterEach
    void stop() {
        fx.close();
        woo.close();
    }

    private long product(String name, String sku, String price, String status) {
        return woo.merchant().createProduct("{\"name\":\"" + name + "\",\"sku\":\"" + sku + "\",\"regular_price\":\""
                + price + "\",\"status\":\"" + status + "\",\"manage_stock\":true,\"stock_quantity\":5}")
                .path("id").asLong();
    }

    @Test
    void dryRun_sendsGolistoNothing_changesNoState_andPredictsExactlyWhatTheFullPassThenDoes() throws Exception {
        woo.merchant().setRegularPrice(repriced, "21.00");
        long created = product("Gloves", "DRY-7", "22.00", "publish");
        woo.merchant().setRegularPrice(priceCleared, "");
        long noPrice = product("Sample", "DRY-8", "", "publish");
        woo.merchant().deletePermanently(deleted);
        woo.merchant().setStatus(drafted, "draft");
        Map<String, Long> golistoBefore = fx.golisto.requests().snapshot();
        List<String> stateBefore = state();

        RunId id = fx.engine.dryRun(STORE);
        RunView run = fx.engine.awaitRun(id, Duration.ofSeconds(60));

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.kind()).isEqualTo(RunKind.DRY_RUN);
        assertThat(writes(fx.golisto.requests().snapshot()) - writes(golistoBefore))
                .as("marketplace write requests during the dry run").isZero();
        assertThat(fx.golisto.requests().snapshot()).as("no Golisto request at all").isEqualTo(golistoBefore);
        assertThat(state()).as("ledger, mappings, cursors and generation as before").isEqualTo(stateBefore);

        DryRunReport report = fx.engine.dryRunReport(STORE).orElseThrow();
        assertThat(report.runId()).isEqualTo(id);
        assertThat(report.counts()).isEqualTo(new DryRunReport.Counts(7, 1, 1, 0, 3, 1, 2));
        assertThat(report.creates()).containsExactly(
                new DryRunReport.Item(Long.toString(created), "DRY-7", "Gloves", List.of(), null));
        assertThat(report.updates()).containsExactly(
                new DryRunReport.Item(Long.toString(repriced), "DRY-1", "Beanie", List.of("price"), null));
        assertThat(report.stockUpdates()).isEmpty();
        assertThat(report.deletes()).extracting(DryRunReport.Item::productId, DryRunReport.Item::reason)
                .containsExactlyInAnyOrder(Tuple.tuple(Long.toString(priceCleared), "no price"),
                        Tuple.tuple(Long.toString(drafted), "draft"),
                        Tuple.tuple(Long.toString(deleted), "removed in shop"));
        assertThat(report.skips()).extracting(DryRunReport.Item::productId, DryRunReport.Item::reason)
                .containsExactlyInAnyOrder(Tuple.tuple(Long.toString(noPrice), "no price"),
                        Tuple.tuple(Long.toString(draft), "draft"));
        assertThat(report.skipReasons()).isEqualTo(Map.of("no price", 1L, "draft", 1L));
        assertThat(report.deleteReasons()).isEqualTo(Map.of("no price", 1L, "draft", 1L, "removed in shop", 1L));

        RunView full = fx.engine.syncAndWait(STORE, SyncMode.FULL);

        assertThat(full.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(full.counts().created()).isEqualTo(report.counts().wouldCreate());
        assertThat(full.counts().updated()).isEqualTo(report.counts().wouldUpdate() + report.counts().wouldUpdateStock());
        assertThat(full.counts().deleted()).isEqualTo(report.counts().wouldDelete());
        assertThat(full.counts().unchanged()).isEqualTo(report.counts().unchanged());
        assertThat(full.counts().skipped()).isEqualTo(report.counts().skipped());
        assertThat(full.counts().skippedReasons()).isEqualTo(report.skipReasons());
        assertThat(fx.golisto.listings(fx.connectionId(STORE))).extracting(GolistoListing::externalId)
                .containsExactlyInAnyOrder(Long.toString(repriced), Long.toString(unchanged), Long.toString(created));
        assertThat(fx.golisto.listing(fx.connectionId(STORE), Long.toString(repriced)).orElseThrow().price())
                .isEqualByComparingTo("21.00");
        assertThat(ledger()).as("the full pass decided as the dry run said").contains(
                Long.toString(created) + "|listed|", Long.toString(repriced) + "|listed|",
                Long.toString(priceCleared) + "|deleted|no price", Long.toString(drafted) + "|deleted|draft",
                Long.toString(deleted) + "|deleted|removed in shop", Long.toString(noPrice) + "|skipped|no price",
                Long.toString(draft) + "|skipped|draft", Long.toString(unchanged) + "|unchanged|");
    }

    private static long writes(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().startsWith("GET "))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private List<String> ledger() throws Exception {
        return query("SELECT product_id || '|' || outcome || '|' || COALESCE(reason, '') FROM product_ledger"
                + " ORDER BY product_id");
    }

    /** Every row the engine keeps about the store's catalog, as text (update times included). */
    private List<String> state() throws Exception {
        List<String> rows = new ArrayList<>();
        rows.addAll(query("SELECT product_id || '|' || COALESCE(shop_version, '') || '|' || COALESCE(sent_action, '')"
                + " || '|' || COALESCE(remote_answer, '') || '|' || outcome || '|' || COALESCE(reason, '') || '|'"
                + " || updated_at FROM product_ledger ORDER BY product_id"));
        rows.addAll(query("SELECT kind || '|' || source_id || '|' || COALESCE(target_id, '') || '|'"
                + " || COALESCE(fingerprint, '') || '|' || COALESCE(stock_fingerprint, '') || '|' || generation"
                + " || '|' || COALESCE(field_fingerprints, '') || '|' || updated_at FROM entity_mappings"
                + " ORDER BY kind, source_id"));
        rows.addAll(query("SELECT cursor_name || '|' || cursor_value || '|' || updated_at FROM cursors"
                + " ORDER BY cursor_name"));
        rows.addAll(query("SELECT id || '|' || generation || '|' || updated_at FROM stores ORDER BY id"));
        assertThat(rows).as("the pass left ledger rows and mappings").hasSizeGreaterThan(10);
        return rows;
    }

    private List<String> query(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + dir.resolve("state").toAbsolutePath());
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        }
    }
}
