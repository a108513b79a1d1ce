package com.golisto.sync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.sandbox.golisto.GolistoConnectionInfo;
import com.golisto.sync.sandbox.golisto.GolistoConnectionStatus;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.http.MutableClock;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import com.golisto.sync.sandbox.woocommerce.WooMerchant;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The two emulators in this JVM, seeded with the sandbox's generated catalog: {@code products}
 * products, 30% of them variable with 10 variations each (10,000 products carry 30,000 variations).
 * Both run on one {@link MutableClock} that starts at the real time and moves only by {@link #advance}.
 * Golisto's rate limit is lifted (the benchmark measures the engine, not a quota), and WooCommerce
 * delivers the webhooks a change fires when {@link #change} returns, instead of on its one-second
 * scheduler. Thread-safe as the emulators are; {@link #change} is not meant to run concurrently.
 */
final class LocalEmulators implements Emulators {

    static final int VARIATIONS_PER_VARIABLE = 10;
    static final double VARIABLE_SHARE = 0.3;
    private static final String CONSUMER_KEY = "ck_benchmark0000000000000000000000000000000";
    private static final String CONSUMER_SECRET = "cs_benchmark0000000000000000000000000000000";

    private final MutableClock clock;
    private final WooCommerceEmulator shop;
    private final GolistoEmulator marketplace;
    private final WooCatalogGenerator.Spec spec;
    private final CatalogShape shape;
    /** What each product changed so far should show on the marketplace, by product id. */
    private final Map<String, Expected> expected = new HashMap<>();
    /** The day scenario's saved changes (with or without webhook), direct edits and deletions, by product id. */
    private final Set<String> dayChanged = new LinkedHashSet<>();
    private final Map<String, Expected> dayDirect = new HashMap<>();
    private final Set<String> dayDeleted = new LinkedHashSet<>();

    private record Expected(@Nullable String variantId, @Nullable BigDecimal price, @Nullable Integer quantity) {
    }

    private LocalEmulators(MutableClock clock, WooCommerceEmulator shop, GolistoEmulator marketplace,
                           WooCatalogGenerator.Spec spec, CatalogShape shape) {
        this.clock = clock;
        this.shop = shop;
        this.marketplace = marketplace;
        this.spec = spec;
        this.shape = shape;
    }

    /**
     * Starts both emulators on loopback and seeds the shop.
     *
     * @param products catalog size
     * @param seed generator seed
     */
    static LocalEmulators start(int products, long seed) {
        int variable = (int) Math.round(products * VARIABLE_SHARE);
        WooCatalogGenerator.Spec spec = new WooCatalogGenerator.Spec(products, variable,
                variable == 0 ? 0 : VARIATIONS_PER_VARIABLE, seed);
        MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        WooCommerceEmulator shop = WooCommerceEmulator.builder()
                .clock(clock)
                .apiKey(CONSUMER_KEY, CONSUMER_SECRET, "read_write")
                .webhookAutoDeliveryDelay(Duration.ZERO)
                .build();
        GolistoEmulator marketplace = GolistoEmulator.builder()
                .clock(clock)
                .rateLimit(Integer.MAX_VALUE, Duration.ofMinutes(1))
                .build();
        try {
            shop.start();
            marketplace.start();
            var summary = shop.seedCatalog(spec);
            long variationPages = (long) variable * LowerBound.pages(VARIATIONS_PER_VARIABLE, LowerBound.SHOP_PAGE);
            CatalogShape shape = new CatalogShape(summary.products(), summary.products(), variable,
                    summary.variations(), variationPages, summary.categories());
            return new LocalEmulators(clock, shop, marketplace, spec, shape);
        } catch (RuntimeException | Error e) {
            shop.close();
            marketplace.close();
            throw e;
        }
    }

    @Override
    public URI shopUrl() {
        return URI.create(shop.homeUrl());
    }

    @Override
    public String consumerKey() {
        return CONSUMER_KEY;
    }

    @Override
    public String consumerSecret() {
        return CONSUMER_SECRET;
    }

    @Override
    public URI marketplaceUrl() {
        return marketplace.apiBaseUri();
    }

    @Override
    public CatalogShape shape() {
        return shape;
    }

    @Override
    public RequestCounts counts() {
        return new RequestCounts(shop.requests().snapshot(), marketplace.requests().snapshot());
    }

    @Override
    public void resetCounts() {
        shop.requests().reset();
        marketplace.requests().reset();
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public void advance(Duration amount) {
        clock.advance(amount);
    }

    @Override
    public int approveAwaiting() {
        int approved = 0;
        for (GolistoConnectionInfo connection : marketplace.connections()) {
            if (connection.status() == GolistoConnectionStatus.AWAITING_APPROVAL) {
                marketplace.approve(connection.connectionId());
                approved++;
            }
        }
        return approved;
    }

    @Override
    public ChangeSet change(int count, int sample) {
        if (count < 1 || count > shape.products()) {
            throw new IllegalArgumentException("can change 1 to " + shape.products() + " products, not " + count);
        }
        WooMerchant merchant = shop.merchant();
        List<String> ids = new ArrayList<>(count);
        int content = 0;
        int stock = 0;
        long variationPages = 0;
        int variationCount = 0;
        // a seeded random sample, so that variable products are changed in their catalog share
        SplittableRandom random = new SplittableRandom(spec.seed() * 1_000_003L + sample);
        Set<Integer> chosen = new LinkedHashSet<>();
        while (chosen.size() < count) {
            chosen.add(random.nextInt(shape.products()));
        }
        int j = 0;
        for (int index : chosen) {
            long id = productId(index);
            List<JsonNode> variations = merchant.variations(id);
            long target = variations.isEmpty() ? id : variations.get(0).path("id").asLong();
            String variantId = variations.isEmpty() ? null : Long.toString(target);
            if (!variations.isEmpty()) {
                variationPages += LowerBound.pages(variations.size(), LowerBound.SHOP_PAGE);
                variationCount += variations.size();
            }
            JsonNode current = variations.isEmpty() ? merchant.product(id).orElseThrow() : variations.get(0);
            if (j % 2 == 0) {
                BigDecimal price = new BigDecimal(current.path("regular_price").asText("0")).add(BigDecimal.ONE);
                merchant.setRegularPrice(target, price.toPlainString());
                expected.put(Long.toString(id), new Expected(variantId, price, null));
                content++;
            } else {
                int quantity = current.path("stock_quantity").asInt(0) + 1;
                merchant.setStock(target, quantity);
                expected.put(Long.toString(id), new Expected(variantId, null, quantity));
                stock++;
            }
            ids.add(Long.toString(id));
            j++;
        }
        shop.deliverWebhooksNow();
        return new ChangeSet(ids, content, stock, variationPages, variationCount);
    }

    @Override
    public Optional<String> difference(@Nullable ChangeSet changes) {
        String connection = marketplace.connections().stream()
                .filter(c -> c.status() == GolistoConnectionStatus.APPROVED).map(GolistoConnectionInfo::connectionId)
                .findFirst().orElse(null);
        if (connection == null) {
            return Optional.of("no approved connection on the marketplace");
        }
        if (changes == null) {
            List<GolistoListing> listings = marketplace.listings(connection);
            if (listings.size() != shape.activeProducts()) {
                return Optional.of("the marketplace lists " + listings.size() + " products, the shop publishes "
                        + shape.activeProducts());
            }
            int withVariants = 0;
            for (GolistoListing listing : listings) {
                int variants = listing.variantIds().size();
                if (variants != 0 && variants != VARIATIONS_PER_VARIABLE) {
                    return Optional.of("listing " + listing.externalId() + " has " + variants + " variants");
                }
                withVariants += variants == 0 ? 0 : 1;
            }
            if (withVariants != shape.variableProducts()) {
                return Optional.of(withVariants + " listings have variants, the shop has "
                        + shape.variableProducts() + " variable products");
            }
            return Optional.empty();
        }
        for (String id : changes.productIds()) {
            Optional<GolistoListing> listing = marketplace.listing(connection, id);
            if (listing.isEmpty()) {
                return Optional.of("product " + id + " is not listed");
            }
            // change() recorded what it did to every product of its ChangeSet
            Optional<String> problem = compare(listing.get(), Objects.requireNonNull(expected.get(id), id));
            if (problem.isPresent()) {
                return Optional.of("product " + id + ": " + problem.get());
            }
        }
        return Optional.empty();
    }

    @Override
    public DayChange dayChange(DayChange.Kind kind, int index, int serial) {
        WooMerchant merchant = shop.merchant();
        long id = productId(index);
        String key = Long.toString(id);
        List<JsonNode> variations = merchant.variations(id);
        if (kind == DayChange.Kind.DELETE) {
            merchant.deletePermanently(id);
            dayDeleted.add(key);
            dayChanged.remove(key);
            return new DayChange(key, kind, false, variations.size());
        }
        long target = variations.isEmpty() ? id : variations.get(0).path("id").asLong();
        String variantId = variations.isEmpty() ? null : Long.toString(target);
        JsonNode current = variations.isEmpty() ? merchant.product(id).orElseThrow() : variations.get(0);
        boolean price = serial % 2 == 0;
        BigDecimal newPrice = new BigDecimal(current.path("regular_price").asText("0")).add(BigDecimal.ONE);
        int newQuantity = current.path("stock_quantity").asInt(0) + 1;
        Expected want = price ? new Expected(variantId, newPrice, null) : new Expected(variantId, null, newQuantity);
        if (kind == DayChange.Kind.DIRECT) {
            merchant.editInDatabase(target, price ? newPrice.toPlainString() : null, price ? null : newQuantity);
            dayDirect.put(key, want);
        } else {
            if (price) {
                merchant.setRegularPrice(target, newPrice.toPlainString());
            } else {
                merchant.setStock(target, newQuantity);
            }
            expected.put(key, want);
            dayChanged.add(key);
            if (kind == DayChange.Kind.WEBHOOK) {
                shop.deliverWebhooksNow();
            } else {
                shop.losePendingWebhooks();
            }
        }
        return new DayChange(key, kind, price, variations.size());
    }

    @Override
    public DayCheck dayCheck() {
        String connection = approvedConnection();
        if (connection == null) {
            return new DayCheck("no approved connection on the marketplace", 0, dayDeleted.size(), 0, dayDirect.size(), 0);
        }
        String problem = null;
        for (String id : dayChanged) {
            Optional<GolistoListing> listing = marketplace.listing(connection, id);
            Optional<String> wrong = listing.isEmpty() ? Optional.of("not listed")
                    : compare(listing.get(), Objects.requireNonNull(expected.get(id), id));
            if (wrong.isPresent() && problem == null) {
                problem = "product " + id + " changed during the day: " + wrong.get();
            }
        }
        int gone = 0;
        for (String id : dayDeleted) {
            if (marketplace.listing(connection, id).isEmpty()) {
                gone++;
            } else if (problem == null) {
                problem = "product " + id + " was deleted during the day but is still listed";
            }
        }
        int repaired = 0;
        for (Map.Entry<String, Expected> direct : dayDirect.entrySet()) {
            Optional<GolistoListing> listing = marketplace.listing(connection, direct.getKey());
            if (listing.isPresent() && compare(listing.get(), direct.getValue()).isEmpty()) {
                repaired++;
            }
        }
        int listings = marketplace.listings(connection).size();
        int shopProducts = shape.activeProducts() - dayDeleted.size();
        if (listings != shopProducts && problem == null) {
            problem = "the marketplace lists " + listings + " products, the shop publishes " + shopProducts;
        }
        return new DayCheck(problem, listings, dayDeleted.size(), gone, dayDirect.size(), repaired);
    }

    private @Nullable String approvedConnection() {
        return marketplace.connections().stream()
                .filter(c -> c.status() == GolistoConnectionStatus.APPROVED).map(GolistoConnectionInfo::connectionId)
                .findFirst().orElse(null);
    }

    private static Optional<String> compare(GolistoListing listing, Expected want) {
        JsonNode holder = listing.json();
        if (want.variantId() != null) {
            holder = null;
            for (JsonNode variant : listing.json().path("variants")) {
                if (want.variantId().equals(variant.path("external_id").asText())) {
                    holder = variant;
                }
            }
            if (holder == null) {
                return Optional.of("variant " + want.variantId() + " is missing");
            }
        }
        if (want.price() != null && new BigDecimal(holder.path("price").asText("0")).compareTo(want.price()) != 0) {
            return Optional.of("price " + holder.path("price").asText() + ", the shop has " + want.price());
        }
        if (want.quantity() != null && (holder.path("quantity").isNull()
                || holder.path("quantity").asInt() != want.quantity())) {
            return Optional.of("quantity " + holder.path("quantity") + ", the shop has " + want.quantity());
        }
        return Optional.empty();
    }

    private long productId(int index) {
        String sku = "GEN-" + spec.seed() + "-" + (index + 1);
        return shop.merchant().idBySku(sku).orElseThrow(() -> new IllegalStateException("no product with SKU " + sku));
    }

    @Override
    public void close() {
        try {
            shop.close();
        } finally {
            marketplace.close();
        }
    }
}
