package com.golisto.sync.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.golisto.sync.core.DryRunReport;
import com.golisto.sync.core.RunId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report of each store's latest successful dry run ({@code dry_run_reports} table, one row per store, kept
 * as JSON in the store's own format). Obtained from {@link StateStore#dryRuns()}. Thread-safe; each method is one
 * transaction.
 */
public final class DryRunStore {

    private static final Logger LOG = LoggerFactory.getLogger(DryRunStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    DryRunStore(Database db) {
        this.db = db;
    }

    /**
     * Keeps a store's report in place of the previous one; its finish time is now (the report's own
     * {@code finishedAt} is ignored).
     */
    public void save(DryRunReport report) {
        Objects.requireNonNull(report, "report");
        String text = encode(report);
        Require.maxLength(text, "dry-run report", Limits.PAYLOAD);
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), report.storeId());
            DryRunDao dao = h.attach(DryRunDao.class);
            if (dao.update(report.storeId(), report.runId().value(), text, now) == 0) {
                dao.insert(report.storeId(), report.runId().value(), text, now);
            }
        });
    }

    /** A store's latest report; empty before its first dry run (or when the stored one cannot be read). */
    public Optional<DryRunReport> latest(String storeId) {
        return db.jdbi().withExtension(DryRunDao.class, d -> d.find(storeId))
                .flatMap(row -> decode(storeId, row));
    }

    private static String encode(DryRunReport report) {
        ObjectNode root = JSON.createObjectNode();
        DryRunReport.Counts c = report.counts();
        root.putObject("counts").put("read", c.read()).put("would_create", c.wouldCreate())
                .put("would_update", c.wouldUpdate()).put("would_update_stock", c.wouldUpdateStock())
                .put("would_delete", c.wouldDelete()).put("unchanged", c.unchanged()).put("skipped", c.skipped());
        ObjectNode skips = root.putObject("skip_reasons");
        report.skipReasons().forEach(skips::put);
        ObjectNode deletes = root.putObject("delete_reasons");
        report.deleteReasons().forEach(deletes::put);
        root.put("sample_limit", report.sampleLimit());
        items(root.putArray("creates"), report.creates());
        items(root.putArray("updates"), report.updates());
        items(root.putArray("stock_updates"), report.stockUpdates());
        items(root.putArray("deletes"), report.deletes());
        items(root.putArray("skips"), report.skips());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a dry-run report is always writable as JSON", e);
        }
    }

    private static void items(ArrayNode out, List<DryRunReport.Item> items) {
        for (DryRunReport.Item item : items) {
            ObjectNode node = out.addObject().put("product_id", item.productId()).put("sku", item.sku())
                    .put("title", item.title()).put("reason", item.reason());
            ArrayNode fields = node.putArray("changed_fields");
            item.changedFields().forEach(fields::add);
        }
    }

    private static Optional<DryRunReport> decode(String storeId, DryRunDao.Row row) {
        try {
            JsonNode root = JSON.readTree(row.report());
            JsonNode c = root.path("counts");
            DryRunReport.Counts counts = new DryRunReport.Counts(c.path("read").asLong(),
                    c.path("would_create").asLong(), c.path("would_update").asLong(),
                    c.path("would_update_stock").asLong(), c.path("would_delete").asLong(),
                    c.path("unchanged").asLong(), c.path("skipped").asLong());
            return Optional.of(new DryRunReport(storeId, new RunId(row.runId()), row.finishedAt(), counts,
                    totals(root.path("skip_reasons")), totals(root.path("delete_reasons")),
                    root.path("sample_limit").asInt(), items(root.path("creates")), items(root.path("updates")),
                    items(root.path("stock_updates")), items(root.path("deletes")), items(root.path("skips"))));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("store {}: the stored dry-run report of run {} cannot be read: {}", storeId, row.runId(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static Map<String, Long> totals(JsonNode node) {
        Map<String, Long> totals = new LinkedHashMap<>();
        node.properties().forEach(e -> totals.put(e.getKey(), e.getValue().asLong()));
        return totals;
    }

    private static List<DryRunReport.Item> items(JsonNode array) {
        List<DryRunReport.Item> items = new ArrayList<>();
        for (JsonNode node : array) {
            List<String> fields = new ArrayList<>();
            node.path("changed_fields").forEach(f -> fields.add(f.asText()));
            items.add(new DryRunReport.Item(node.path("product_id").asText(), text(node, "sku"), text(node, "title"),
                    fields, text(node, "reason")));
        }
        return items;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
