package com.golisto.sync.sandbox.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * Orders and their notes, with WooCommerce's side effects: {@code set_paid} completes the payment,
 * entering {@code processing}/{@code completed}/{@code on-hold} reduces stock once (with a note),
 * {@code cancelled}/{@code pending} restores it, and each status change leaves a note. A supplied
 * {@code created_via} is ignored: every order records {@code rest-api}, as on a real 8.2 store.
 */
final class WooOrders {

    static final Map<String, String> STATUS_LABELS = Map.of("pending", "Pending payment", "processing",
            "Processing", "on-hold", "On hold", "completed", "Completed", "cancelled", "Cancelled", "refunded",
            "Refunded", "failed", "Failed", "checkout-draft", "Draft", "trash", "Trash");
    private static final Set<String> REDUCING = Set.of("processing", "completed", "on-hold");
    private static final Set<String> RESTORING = Set.of("cancelled", "pending");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Tells about order changes (for {@code order.*} webhooks). */
    interface Events {
        void orderChanged(String event, WooOrder order);
    }

    private final WooStore store;
    private final String defaultCurrency;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentSkipListMap<Long, WooOrder> orders = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListSet<WooStore.DateKey> byCreated = new ConcurrentSkipListSet<>();
    private final ConcurrentHashMap<Long, CopyOnWriteArrayList<WooOrder.Note>> notes = new ConcurrentHashMap<>();
    private final AtomicLong itemIds = new AtomicLong(100);
    private final AtomicLong noteIds = new AtomicLong(200);
    private volatile Events events = (event, order) -> { };

    WooOrders(WooStore store, String defaultCurrency) {
        this.store = store;
        this.defaultCurrency = defaultCurrency;
    }

    void events(Events listener) {
        this.events = listener;
    }

    Optional<WooOrder> get(long id) {
        return Optional.ofNullable(orders.get(id));
    }

    List<WooOrder> all() {
        return List.copyOf(orders.values());
    }

    WooSlice<WooOrder> list(Predicate<WooOrder> filter, String orderby, boolean ascending, int offset,
                                  int limit) {
        java.util.Iterator<WooOrder> source;
        if ("id".equals(orderby)) {
            source = (ascending ? orders.values() : orders.descendingMap().values()).iterator();
        } else {
            List<WooOrder> sorted = new ArrayList<>();
            for (WooStore.DateKey k : ascending ? byCreated : byCreated.descendingSet()) {
                WooOrder o = orders.get(k.id());
                if (o != null) {
                    sorted.add(o);
                }
            }
            if ("modified".equals(orderby)) {
                sorted.sort(java.util.Comparator.comparing((WooOrder o) -> o.modified).thenComparingLong(o -> o.id));
                if (!ascending) {
                    java.util.Collections.reverse(sorted);
                }
            }
            source = sorted.iterator();
        }
        return WooSlice.of(source, filter, offset, limit);
    }

    /** {@code POST /orders}. */
    WooOrder create(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new WooError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        validateStatus(body);
        lock.lock();
        try {
            Instant now = store.now();
            WooOrder o = new WooOrder(now);
            o.id = store.nextPostId();
            o.orderKey = "wc_order_" + HexFormat.of().formatHex(randomBytes()).substring(0, 13);
            o.currency = body.path("currency").asText(defaultCurrency);
            // created_via is read-only over REST on a real store: a supplied value is ignored
            applyFields(o, body);
            o.lines = lines(body.path("line_items"));
            o.shippingLines = shippingLines(body.path("shipping_lines"));
            String requested = body.path("status").asText("pending");
            o.status = "pending";
            List<String> pendingNotes = new ArrayList<>();
            transition(o, requested, pendingNotes, now);
            if (body.path("set_paid").asBoolean(false)) {
                paymentComplete(o, pendingNotes, now);
            }
            orders.put(o.id, o);
            byCreated.add(new WooStore.DateKey(o.created, o.id));
            pendingNotes.forEach(text -> addNote(o.id, text, false, false));
            events.orderChanged("created", o);
            return o;
        } finally {
            lock.unlock();
        }
    }

    /** {@code PUT /orders/{id}}. */
    WooOrder update(long id, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new WooError(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        validateStatus(body);
        lock.lock();
        try {
            WooOrder old = orders.get(id);
            if (old == null) {
                throw new WooError(400, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
            }
            WooOrder o = old.copy();
            applyFields(o, body);
            if (body.has("line_items")) {
                List<WooOrder.Line> added = lines(body.get("line_items"));
                List<WooOrder.Line> merged = new ArrayList<>(o.lines);
                merged.addAll(added);
                o.lines = List.copyOf(merged);
            }
            Instant now = store.now();
            List<String> pendingNotes = new ArrayList<>();
            if (body.has("status")) {
                transition(o, body.get("status").asText(), pendingNotes, now);
            }
            if (body.path("set_paid").asBoolean(false)) {
                paymentComplete(o, pendingNotes, now);
            }
            o.modified = now;
            orders.put(id, o);
            pendingNotes.forEach(text -> addNote(id, text, false, false));
            events.orderChanged("updated", o);
            return o;
        } finally {
            lock.unlock();
        }
    }

    /** {@code DELETE /orders/{id}}: trash, or remove with {@code force}. */
    WooOrder delete(long id, boolean force) {
        lock.lock();
        try {
            WooOrder old = orders.get(id);
            if (old == null) {
                throw new WooError(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
            }
            if (force) {
                orders.remove(id);
                byCreated.remove(new WooStore.DateKey(old.created, id));
                notes.remove(id);
                return old;
            }
            if ("trash".equals(old.status)) {
                throw new WooError(410, "woocommerce_rest_already_trashed", "The order has already been deleted.");
            }
            WooOrder o = old.copy();
            o.status = "trash";
            o.modified = store.now();
            orders.put(id, o);
            events.orderChanged("deleted", o);
            return o;
        } finally {
            lock.unlock();
        }
    }

    WooOrder.Note addNote(long orderId, String text, boolean customerNote, boolean addedByUser) {
        if (!orders.containsKey(orderId)) {
            throw new WooError(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");
        }
        WooOrder.Note note = new WooOrder.Note(noteIds.incrementAndGet(), orderId,
                addedByUser ? "admin" : "system", store.now(), text, customerNote, addedByUser);
        notes.computeIfAbsent(orderId, k -> new CopyOnWriteArrayList<>()).add(note);
        return note;
    }

    /** Notes newest first, as WooCommerce lists them. */
    List<WooOrder.Note> notes(long orderId) {
        List<WooOrder.Note> list = new ArrayList<>(notes.getOrDefault(orderId, new CopyOnWriteArrayList<>()));
        list.sort(java.util.Comparator.comparing(WooOrder.Note::created).thenComparingLong(WooOrder.Note::id)
                .reversed());
        return list;
    }

    boolean deleteNote(long orderId, long noteId) {
        CopyOnWriteArrayList<WooOrder.Note> list = notes.get(orderId);
        return list != null && list.removeIf(n -> n.id() == noteId);
    }

    private static void validateStatus(JsonNode body) {
        JsonNode s = body.get("status");
        if (s != null && (!s.isTextual() || !STATUS_LABELS.containsKey(s.asText()) || "trash".equals(s.asText()))) {
            throw WooError.invalidParam("status", "status is not one of pending, processing, on-hold, completed, "
                    + "cancelled, refunded, failed, and checkout-draft.");
        }
        JsonNode c = body.get("currency");
        if (c != null && (!c.isTextual() || !c.asText().matches("[A-Z]{3}"))) {
            throw WooError.invalidParam("currency", "currency is not a valid currency code.");
        }
    }

    private void applyFields(WooOrder o, JsonNode body) {
        for (String part : List.of("billing", "shipping")) {
            JsonNode a = body.get(part);
            if (a != null && a.isObject()) {
                Map<String, String> target = part.equals("billing") ? o.billing : o.shipping;
                for (String f : WooOrder.ADDRESS_FIELDS) {
                    if (a.has(f)) {
                        target.put(f, a.get(f).asText(""));
                    }
                }
            }
        }
        if (body.has("payment_method")) {
            o.paymentMethod = body.get("payment_method").asText("");
        }
        if (body.has("payment_method_title")) {
            o.paymentMethodTitle = body.get("payment_method_title").asText("");
        }
        if (body.has("transaction_id")) {
            o.transactionId = body.get("transaction_id").asText("");
        }
        if (body.has("customer_note")) {
            o.customerNote = body.get("customer_note").asText("");
        }
        if (body.has("meta_data")) {
            o.meta = WooProductInput.upsertMeta(o.meta, body.get("meta_data"), store);
        }
    }

    private List<WooOrder.Line> lines(JsonNode items) {
        List<WooOrder.Line> lines = new ArrayList<>();
        for (JsonNode item : items) {
            long productId = item.path("product_id").asLong(0);
            long variationId = item.path("variation_id").asLong(0);
            String sku = item.path("sku").asText("");
            if (productId == 0 && variationId == 0 && sku.isEmpty()) {
                throw new WooError(400, "woocommerce_rest_required_product_reference", "Product ID or SKU is required.");
            }
            long wanted = variationId != 0 ? variationId : productId;
            WooProduct product = wanted != 0 ? store.get(wanted).orElse(null) : store.bySku(sku).orElse(null);
            if (product == null || (variationId != 0 && !product.isVariation())) {
                throw new WooError(400, "woocommerce_rest_invalid_product_id", "Invalid product ID.");
            }
            int quantity = item.path("quantity").asInt(1);
            if (quantity < 1) {
                throw new WooError(400, "woocommerce_rest_invalid_quantity", "Product quantity must be a positive integer.");
            }
            String price = product.activePrice().isEmpty() ? "0" : product.activePrice();
            BigDecimal computed = new BigDecimal(price).multiply(BigDecimal.valueOf(quantity));
            String total = WooOrder.money(decimalOr(item.path("total").asText(""), computed));
            String subtotal = WooOrder.money(decimalOr(item.path("subtotal").asText(""), new BigDecimal(total)));
            WooProduct parent = product.isVariation() ? store.parent(product.parentId).orElse(null) : null;
            String name = item.path("name").asText(product.isVariation()
                    ? WooDerived.variationName(product, parent) : product.name);
            List<WooProduct.Meta> meta = item.has("meta_data")
                    ? WooProductInput.upsertMeta(List.of(), item.get("meta_data"), store) : List.of();
            lines.add(new WooOrder.Line(itemIds.incrementAndGet(), name,
                    product.isVariation() ? product.parentId : product.id, product.isVariation() ? product.id : 0,
                    quantity, subtotal, total, product.sku, meta));
        }
        return List.copyOf(lines);
    }

    private List<WooOrder.ShippingLine> shippingLines(JsonNode items) {
        List<WooOrder.ShippingLine> lines = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.hasNonNull("method_id")) {
                throw new WooError(400, "rest_invalid_param", "Invalid parameter(s): shipping_lines",
                        Map.of("params", Map.of("shipping_lines", "method_id is a required property of shipping_lines[0].")));
            }
            lines.add(new WooOrder.ShippingLine(itemIds.incrementAndGet(), item.get("method_id").asText(),
                    item.path("method_title").asText(""),
                    WooOrder.money(decimalOr(item.path("total").asText(""), BigDecimal.ZERO))));
        }
        return List.copyOf(lines);
    }

    private static BigDecimal decimalOr(String text, BigDecimal fallback) {
        try {
            return text.isBlank() ? fallback : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** {@code WC_Order::payment_complete}: only from pending, on-hold, failed or cancelled. */
    private void paymentComplete(WooOrder o, List<String> notesOut, Instant now) {
        if (!Set.of("pending", "on-hold", "failed", "cancelled").contains(o.status)) {
            return;
        }
        o.paid = now;
        boolean needsProcessing = o.lines.stream().anyMatch(l -> store.get(l.variationId() != 0 ? l.variationId()
                : l.productId()).map(p -> !(p.virtual && p.downloadable)).orElse(true));
        transition(o, needsProcessing ? "processing" : "completed", notesOut, now);
    }

    private void transition(WooOrder o, String to, List<String> notesOut, Instant now) {
        String from = o.status;
        if (from.equals(to)) {
            return;
        }
        o.status = to;
        notesOut.add("Order status changed from " + STATUS_LABELS.get(from) + " to " + STATUS_LABELS.get(to) + ".");
        if (("processing".equals(to) || "completed".equals(to)) && o.paid == null) {
            o.paid = now;
        }
        if ("completed".equals(to)) {
            o.completed = now;
        }
        if (REDUCING.contains(to) && !o.stockReduced) {
            changeStock(o, -1, notesOut);
            o.stockReduced = true;
        } else if (RESTORING.contains(to) && o.stockReduced) {
            changeStock(o, +1, notesOut);
            o.stockReduced = false;
        }
    }

    private void changeStock(WooOrder o, int sign, List<String> notesOut) {
        List<String> changes = new ArrayList<>();
        for (WooOrder.Line line : o.lines) {
            WooProduct item = store.get(line.variationId() != 0 ? line.variationId() : line.productId()).orElse(null);
            if (item == null) {
                continue;
            }
            WooProduct holder = item;
            if (!item.managesOwnStock() && item.isVariation() && "parent".equals(item.manageStock)) {
                holder = store.parent(item.parentId).orElse(null);
            }
            if (holder == null || !holder.managesOwnStock() || holder.stockQuantity == null) {
                continue;
            }
            int before = holder.stockQuantity;
            int after = before + sign * line.quantity();
            store.update(holder.id, p -> p.stockQuantity = after);
            changes.add(line.name() + (item.sku.isEmpty() ? "" : " (" + item.sku + ")") + " " + before + "&rarr;" + after);
        }
        if (!changes.isEmpty()) {
            notesOut.add((sign < 0 ? "Stock levels reduced: " : "Stock levels increased: ") + String.join(", ", changes));
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
