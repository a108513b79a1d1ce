package com.golisto.sync.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.app.admin.Views;
import com.golisto.sync.app.cli.RunProgress;
import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.Registrations;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.demo.Demo;
import com.golisto.sync.app.demo.DemoOptions;
import com.golisto.sync.app.demo.DemoSummary;
import com.golisto.sync.app.wiring.Runner;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncEngine;
import com.golisto.sync.sandbox.golisto.GolistoEmulator;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.woocommerce.CatalogSummary;
import com.golisto.sync.sandbox.woocommerce.WooApiKey;
import com.golisto.sync.sandbox.woocommerce.WooCatalogGenerator;
import com.golisto.sync.sandbox.woocommerce.WooCommerceEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The demo behind the runner's {@code demo} command: starts the WooCommerce and Golisto emulators on loopback (a generated catalog), the runner on
 * an embedded HSQLDB database in {@link DemoOptions#dataDir()}, and goes through the whole story, telling
 * it as it goes: store registered, connect link, merchant linked (the Golisto connect page driven over
 * HTTP as a browser would, following its redirect to {@code /connect/return}), credentials sent, awaiting
 * approval, approved, webhooks registered, the first full sync with its counts, a price change arriving
 * by webhook and reaching Golisto, a Golisto sale becoming a WooCommerce order, its shipment and payout
 * attached. Each step is checked against the emulators' own state before it is told.
 *
 * <p>Everything runs in real time on the runner's own scheduler (as {@code serve} does); waits are
 * bounded. Lifecycle: {@link #start}, {@link #run}, then {@link #close} (or keep it running).
 */
public final class EmulatorDemo implements Demo {
    /** The demo store's id. */
    public static final String STORE = "demo-shop";

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern HEADLINE = Pattern.compile("<p>([^<]*)</p>");

    private final DemoOptions options;
    private final PrintWriter out;
    private final WooCommerceEmulator woo;
    private final GolistoEmulator golisto;
    private final WooApiKey wooKey;
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    // both set by startAll(), which start() runs before the demo is handed out; only close(), after a failed
    // start, can find them unset, and it checks
    @SuppressWarnings("NullAway.Init")
    private Runner runner;
    @SuppressWarnings("NullAway.Init")
    private CatalogSummary catalog;
    private String lastPage = "";
    private int step;

    private EmulatorDemo(DemoOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
        this.woo = WooCommerceEmulator.builder().currency("EUR").webhookAutoDeliveryDelay(Duration.ZERO).build();
        this.wooKey = WooApiKey.random(1, "read_write");
        this.golisto = GolistoEmulator.builder().build();
    }

    /**
     * Starts the emulators and the runner.
     *
     * @param options how to run
     * @param out where the story is told
     */
    public static EmulatorDemo start(DemoOptions options, PrintWriter out) {
        EmulatorDemo demo = new EmulatorDemo(Objects.requireNonNull(options, "options"), Objects.requireNonNull(out, "out"));
        try {
            demo.startAll();
            return demo;
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    private void startAll() {
        out.println("Golisto Sync demo: WooCommerce and Golisto emulators on loopback, the runner on an embedded"
                + " database. Nothing leaves this machine.");
        out.println();
        woo.start();
        woo.addApiKey(wooKey);
        int variable = Math.max(1, options.products() / 4);
        catalog = woo.seedCatalog(new WooCatalogGenerator.Spec(options.products(), variable, 3, 20_260_101L));
        golisto.start();
        golisto.webhooks().deliverImmediately(true);
        tell("Emulators up: WooCommerce at %s (%s, %d products, %d variations, %d categories); Golisto at %s",
                woo.homeUrl(), woo.currency(), catalog.products(), catalog.variations(), catalog.categories(),
                golisto.baseUri());
        runner = Runner.create(config(), null, true);
        runner.serve();
        tell("Runner up at %s, state in %s", runner.localUri().orElseThrow(), options.dataDir().toAbsolutePath());
    }

    private RunnerConfig config() {
        Map<String, String> env = new HashMap<>();
        env.put("GOLISTO_SYNC_STATE_DATA_DIR", options.dataDir().toString());
        env.put("GOLISTO_SYNC_SERVER_PORT", Integer.toString(options.port()));
        env.put("GOLISTO_SYNC_GOLISTO_API_URL", golisto.apiBaseUri().toString());
        env.put("GOLISTO_SYNC_GOLISTO_WEB_URL", golisto.webBaseUri().toString());
        env.put("GOLISTO_SYNC_GOLISTO_STATUS_POLL_INTERVAL", "PT10S");
        env.put("GOLISTO_SYNC_SYNC_ORDER_POLL_INTERVAL", "PT10S");
        env.put("GOLISTO_SYNC_SYNC_WEBHOOK_DEBOUNCE", "PT0.2S");
        return ConfigLoader.create(env).load(Optional.empty());
    }

    /**
     * Tells the whole story.
     *
     * @return what it achieved
     * @throws IllegalStateException when a step does not happen in time (the message says which)
     */
    @Override
    public DemoSummary run() throws InterruptedException {
        long started = System.nanoTime();
        SyncEngine engine = runner.engine();

        // a real store refuses loopback delivery URLs; the emulator, like a store on the same machine, accepts them
        engine.registerStore(Registrations.of(STORE, Map.of("url", woo.homeUrl(), "consumer-key", wooKey.consumerKey(),
                "consumer-secret", wooKey.consumerSecret(), "strict-delivery-urls", "false"),
                runner.config().golisto()));
        tell("Store registered: %s, a WooCommerce store at %s with REST API keys %s", STORE, woo.homeUrl(),
                com.golisto.sync.api.spi.Secret.masked(wooKey.consumerKey()));

        URI connectLink = engine.beginConnect(STORE);
        tell("Connect link for the merchant: %s", connectLink);

        String returnUrl = merchantLinks(connectLink);
        StoreView linked = store();
        tell("Merchant linked: Golisto sent the browser back to %s, which says \"%s\"", returnUrl,
                headline(lastPage));
        tell("Credentials sent: the store's API keys and a new webhook secret went to Golisto (account %s); status: %s",
                linked.accountId(), human(linked.status()));
        if (linked.status() != ConnectionStatus.AWAITING_APPROVAL) {
            throw new IllegalStateException("the store should await approval after linking, but is " + linked.status());
        }
        String account = Objects.requireNonNull(linked.accountId(), "a linked store has its Golisto account");

        golisto.approve(account);
        boolean hooked = golisto.webhooks().sent().stream().anyMatch(r -> r.accepted()
                && r.delivery().event().equals("connection.approved"));
        StoreView approved = await("the approval to reach the runner", () -> store().approved() ? store() : null);
        tell("Approved: Golisto's reviewer approved %s; %s; status: %s", account,
                hooked ? "its signed connection.approved webhook reached the runner, which asked for the status"
                        : "the runner's status poll saw it", human(approved.status()));

        // approval registers the shop webhooks, then starts the first full sync
        RunView full = await("the first full sync to start", this::firstFullRun);
        List<Long> hooks = woo.webhookIds();
        if (hooks.isEmpty()) {
            throw new IllegalStateException("approval registered no webhooks in WooCommerce; see the log");
        }
        tell("Webhooks registered: WooCommerce now sends %d product topics to %s/webhooks/woocommerce/%s",
                hooks.size(), runner.publicUrl(), STORE);
        tell("Full sync: approval started the first full reconciliation (run %s)", full.id());
        RunView done = followRun(full);
        List<GolistoListing> listings = golisto.listings(account);
        tell("Full sync %s in %.1f s: read %d, created %d, updated %d, unchanged %d, failed %d, %d requests;"
                        + " Golisto lists %d products", human(done.status()), seconds(done), done.counts().read(),
                done.counts().created(), done.counts().updated(), done.counts().unchanged(), done.counts().failed(),
                done.counts().requests(), listings.size());

        GolistoListing pick = listings.stream()
                .filter(l -> l.variantIds().isEmpty() && l.salePrice().isEmpty() && l.status().equals("active"))
                .min(Comparator.comparing(GolistoListing::externalId))
                .orElseThrow(() -> new IllegalStateException("no simple active listing to change the price of"));
        BigDecimal newPrice = pick.price().add(new BigDecimal("5.00")).setScale(2, RoundingMode.HALF_UP);
        long priceChangedAt = System.nanoTime();
        woo.merchant().setRegularPrice(Long.parseLong(pick.externalId()), newPrice.toPlainString());
        int delivered = woo.deliverWebhooksNow().size();
        GolistoListing repriced = await("the new price to reach Golisto", () -> golisto.listing(account,
                pick.externalId()).filter(l -> l.price().compareTo(newPrice) == 0).orElse(null));
        tell("Price change: the merchant set \"%s\" from %s to %s %s in WooCommerce; %d webhook%s later Golisto shows"
                        + " %s %s (%.1f s)", pick.title(), pick.price().toPlainString(), newPrice.toPlainString(),
                pick.currency(), delivered, delivered == 1 ? "" : "s", repriced.price().toPlainString(),
                repriced.currency(), (System.nanoTime() - priceChangedAt) / 1e9);

        int ordersBefore = woo.orders().size();
        String golistoOrder = golisto.sales().create(GolistoSale.builder(account)
                .line(pick.externalId(), 2).buyer("Alex Buyer", "alex.buyer@example.com").shippingTotal("4.90")
                .build());
        JsonNode order = await("the sale to become a WooCommerce order", () -> woo.orders().size() > ordersBefore
                ? woo.orders().get(woo.orders().size() - 1) : null);
        long orderId = order.path("id").asLong();
        tell("Golisto sale: order %s for 2 x \"%s\" became WooCommerce order #%d (%s, total %s %s)", golistoOrder,
                pick.title(), orderId, order.path("status").asText(), order.path("total").asText(),
                order.path("currency").asText());

        golisto.sales().ship(golistoOrder, "DHL", "00340434161234567890",
                "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890");
        golisto.sales().schedulePayout(golistoOrder);
        golisto.sales().payPayout(golistoOrder);
        JsonNode completed = await("the shipment and payout to reach the WooCommerce order", () -> woo.order(orderId)
                .filter(o -> o.path("status").asText().equals("completed") && mentions(o, "payout")
                        && mentions(o, "00340434161234567890"))
                .orElse(null));
        List<JsonNode> notes = woo.orderNotes(orderId);
        tell("Shipped with DHL (tracking 00340434161234567890) and payout paid: WooCommerce order #%d is %s, with the"
                + " tracking and payout in its metadata and %d order notes", orderId, completed.path("status").asText(),
                notes.size());

        double took = (System.nanoTime() - started) / 1e9;
        DemoSummary summary = new DemoSummary(catalog.products(), catalog.variations(),
                golisto.listings(account).size(), done.counts().created(), repriced.price().toPlainString(),
                orderId, completed.path("status").asText(), notes.size(), woo.requests().total(),
                golisto.requests().total(), took);
        out.println();
        out.printf("Summary: %d products and %d variations in WooCommerce, %d listings on Golisto; 1 price change by"
                        + " webhook; 1 Golisto sale as WooCommerce order #%d (%s, %d notes); %d requests to WooCommerce,"
                        + " %d to Golisto; %d dead letters; %.1f s.%n", summary.products(), summary.variations(),
                summary.listings(), orderId, summary.wooOrderStatus(), summary.orderNotes(), summary.shopRequests(),
                summary.golistoRequests(), engine.deadLetters().size(), took);
        out.flush();
        return summary;
    }

    /** Prints where everything is, for {@code --keep-running}. */
    @Override
    public void printUrls() {
        URI local = runner.localUri().orElseThrow();
        out.println();
        out.println("Still running (Ctrl-C to stop):");
        out.println("  dashboard      " + local + "/");
        out.println("  admin API      " + local + "/api/stores   (Authorization: Bearer <the admin token>)");
        out.println("  metrics        " + local + "/metrics");
        out.println("  WooCommerce    " + woo.homeUrl() + "/wp-json/wc/v3   (key " + wooKey.consumerKey() + ")");
        out.println("  Golisto        " + golisto.baseUri() + "/api/woocommerce");
        out.println("  data folder    " + options.dataDir().toAbsolutePath());
        out.flush();
    }

    /**
     * Prints the admin token when this demo generated it (the only time it is shown), for a data folder
     * that outlives the demo.
     */
    @Override
    public void printGeneratedToken() {
        if (runner.adminToken().generated()) {
            out.println("Generated an admin token for the API and dashboard; it is kept in " + runner.adminToken().file()
                    + " and shown only this once:");
            out.println("  " + runner.adminToken().token().reveal());
            out.flush();
        }
    }

    /** The runner, for tests and {@code --keep-running}. */
    public Runner runner() {
        return runner;
    }

    /** The WooCommerce emulator. */
    public WooCommerceEmulator woo() {
        return woo;
    }

    /** The Golisto emulator. */
    public GolistoEmulator golisto() {
        return golisto;
    }

    /** Stops the runner (after its runs in flight, bounded) and the emulators. Idempotent. */
    @Override
    public void close() {
        if (runner != null) {
            try {
                runner.awaitIdle(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            runner.close();
        }
        golisto.close();
        woo.close();
        browser.close();
    }

    // ---- steps ----

    /** Opens the connect page as the merchant's browser would and follows Golisto's redirect back. */
    private String merchantLinks(URI connectLink) throws InterruptedException {
        HttpResponse<String> page = get(connectLink);
        if (page.statusCode() / 100 != 3 || page.headers().firstValue("Location").isEmpty()) {
            throw new IllegalStateException("Golisto's connect page answered " + page.statusCode() + ", not a redirect");
        }
        URI back = connectLink.resolve(page.headers().firstValue("Location").get());
        HttpResponse<String> returned = get(back);
        lastPage = returned.body();
        if (returned.statusCode() != 200) {
            throw new IllegalStateException("the runner's connect return page answered " + returned.statusCode() + ": "
                    + headline(returned.body()));
        }
        return back.getScheme() + "://" + back.getRawAuthority() + back.getRawPath();
    }

    private HttpResponse<String> get(URI uri) throws InterruptedException {
        try {
            return browser.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("the browser could not open " + uri.getRawPath(), e);
        }
    }

    private @Nullable RunView firstFullRun() {
        return runner.engine().recentRuns(STORE, 20).stream().filter(r -> r.kind() == RunKind.FULL)
                .reduce((newer, older) -> older).orElse(null);
    }

    private RunView followRun(RunView run) throws InterruptedException {
        try (RunProgress progress = new RunProgress(out, "full sync", options.terminal(), catalog.products())) {
            while (true) {
                RunView now = runner.engine().awaitRun(run.id(), Duration.ofMillis(300));
                progress.update(Views.Run.of(now));
                if (now.finished()) {
                    return now;
                }
            }
        }
    }

    private StoreView store() {
        return runner.engine().store(STORE).orElseThrow();
    }

    private static boolean mentions(JsonNode order, String text) {
        return order.path("meta_data").toString().toLowerCase(java.util.Locale.ROOT).contains(text.toLowerCase(java.util.Locale.ROOT));
    }

    /** Waits until the check gives a value (null until then). */
    private <T> T await(String what, Supplier<@Nullable T> check) throws InterruptedException {
        long deadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
        while (true) {
            @Nullable T value = check.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the demo waited " + STEP_TIMEOUT.toSeconds() + " s for " + what
                        + "; see the dashboard and the log");
            }
            // the runner works on its own scheduler in real time; look again shortly
            Thread.sleep(50);
        }
    }

    private void tell(String format, @Nullable Object... args) {
        step++;
        out.printf("%2d. %s%n", step, String.format(format, args));
        out.flush();
    }

    private static String headline(String html) {
        Matcher m = HEADLINE.matcher(html);
        return m.find() ? m.group(1).replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&") : "";
    }

    private static String human(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static double seconds(RunView run) {
        return run.finishedAt() == null ? 0 : Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
    }
}
