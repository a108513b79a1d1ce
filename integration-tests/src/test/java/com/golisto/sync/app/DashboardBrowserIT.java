package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.DeadLetterView;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunView;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.sandbox.golisto.GolistoListing;
import com.golisto.sync.sandbox.golisto.GolistoSale;
import com.golisto.sync.sandbox.http.Fault;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code bin/test} installs as root) driven by Selenium against the runner on loopback between the
 * emulators. Sign-in, a store's card with the counts of its real full sync, sync now and its run, a dead letter
 * replayed from the page, a forged action refused, the product search and explain page, and the progress of a
 * running pass (held deterministically at its second shop page by the emulator's {@link Fault.Hold}). Skips,
 * saying why, when the browser is not installed. With {@code -Dgs.screenshots=DIR} it writes
 * {@code DIR/dashboard-overview.png} and {@code DIR/dashboard-explain.png}; by default it writes nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    static final String SHOP = "shop-a";
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static TestingSandbox sandbox;
    static String token;
    static RunView full;
    static ChromeDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed"
                        + " (apt-get install chromium chromium-driver; bin/test installs them as root)");
        sandbox = TestingSandbox.start(12);
        sandbox.startRunner(dir.resolve("data"));
        token = sandbox.runner.adminToken().token().reveal();
        full = sandbox.connectApproveAndSync(SHOP);
        assertThat(full.status()).isEqualTo(RunStatus.SUCCEEDED);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(1280, 1600));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void signIn_theDashboardSendsToLogin_theTokenOpensIt_aWrongOneIsRefused() {
        browser.manage().deleteAllCookies();
        browser.get(sandbox.url("/").toString());
        waitFor().until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.name("token")).sendKeys("not-the-token");
        browser.findElement(By.cssSelector("form[action='/login'] button")).click();
        WebElement refused = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("p.bad")));

        assertThat(refused.getText()).contains("not the admin token");
        signIn();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Golisto Sync");
        assertThat(browser.findElements(By.cssSelector("button.sign-out"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain(token);
    }

    @Test
    @Order(1) // before the tests that run more full passes: its card shows the first one
    void overview_showsTheStoresCard_withTheCountsOfItsRealFullSync() throws Exception {
        signIn();
        WebElement card = browser.findElement(By.id("store-" + SHOP));
        WebElement lastFull = card.findElement(By.cssSelector(".last-full"));

        assertThat(card.findElement(By.cssSelector(".connection")).getText()).startsWith("approved");
        assertThat(card.findElement(By.cssSelector(".connection")).getAttribute("class")).contains("ok");
        assertThat(full.counts().read()).isPositive();
        assertThat(lastFull.getText()).contains("succeeded")
                .contains(full.counts().read() + " read")
                .contains((full.counts().created() + full.counts().updated()) + " written");
        assertThat(lastFull.getAttribute("class")).contains("ok");
        assertThat(card.findElement(By.cssSelector(".checks")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("run-" + full.id().value())).getText()).contains("full");
        screenshot("dashboard-overview.png");
    }

    @Test
    void syncNow_startsAnIncrementalPass_andThePageShowsItsRun() throws Exception {
        signIn();
        browser.findElement(By.cssSelector("#store-" + SHOP + " button.sync-incremental")).click();
        waitFor().until(ExpectedConditions.urlContains("done=sync-incremental"));
        Matcher m = Pattern.compile("run=(\\d+)").matcher(browser.getCurrentUrl());
        assertThat(m.find()).as(browser.getCurrentUrl()).isTrue();
        RunView run = sandbox.engine().awaitRun(new RunId(Long.parseLong(m.group(1))), Duration.ofSeconds(60));
        browser.navigate().refresh();
        WebElement row = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("run-" + run.id().value())));

        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("Incremental sync started");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(row.getText()).contains("incremental").contains("succeeded");
        assertThat(browser.findElement(By.cssSelector("#store-" + SHOP + " .last-incremental")).getText())
                .contains("succeeded");
    }

    @Test
    void dryRun_fromTheCard_computesAFullPassWithoutWriting_andItsReportPageShowsIt() throws Exception {
        long golistoWrites = sandbox.golisto.requests().count("POST /api/woocommerce/catalog/batch")
                + sandbox.golisto.requests().count("POST /api/woocommerce/inventory/batch");
        signIn();
        browser.findElement(By.cssSelector("#store-" + SHOP + " button.sync-dry-run")).click();
        waitFor().until(ExpectedConditions.urlContains("done=dry-run"));
        Matcher m = Pattern.compile("run=(\\d+)").matcher(browser.getCurrentUrl());
        assertThat(m.find()).as(browser.getCurrentUrl()).isTrue();
        RunView run = sandbox.engine().awaitRun(new RunId(Long.parseLong(m.group(1))), Duration.ofSeconds(60));
        browser.navigate().refresh();
        browser.findElement(By.cssSelector("#store-" + SHOP + " a.dry-run-report")).click();
        WebElement read = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("read")));

        assertThat(run.kind()).isEqualTo(RunKind.DRY_RUN);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Long.parseLong(read.getText())).isEqualTo(run.counts().read()).isPositive();
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Nothing was sent to Golisto");
        assertThat(sandbox.golisto.requests().count("POST /api/woocommerce/catalog/batch")
                + sandbox.golisto.requests().count("POST /api/woocommerce/inventory/batch"))
                .as("the dry run wrote nothing to Golisto").isEqualTo(golistoWrites);
    }

    @Test
    void aDeadLetter_isListedWithItsReason_andReplayedFromThePage() throws Exception {
        String account = sandbox.account(SHOP);
        GolistoListing gone = sandbox.golisto.listings(account).stream()
                .filter(l -> l.variantIds().isEmpty() && l.status().equals("active"))
                .max(Comparator.comparing(GolistoListing::externalId)).orElseThrow();
        sandbox.woo.merchant().deletePermanently(Long.parseLong(gone.externalId()));
        sandbox.golisto.sales().create(GolistoSale.builder(account).line(gone.externalId(), 1).build());
        RunView poll = sandbox.engine().pollOrders(SHOP);
        DeadLetterView letter = sandbox.engine().deadLetters().stream().filter(d -> d.storeId().equals(SHOP))
                .findFirst().orElseThrow(() -> new AssertionError("the poll left no dead letter: " + poll));

        signIn();
        WebElement row = browser.findElement(By.id("dead-letter-" + letter.id()));
        assertThat(row.getText()).contains(letter.reason());
        assertThat(browser.findElement(By.cssSelector("#store-" + SHOP + " .dead-letters")).getText())
                .contains(letter.reason());
        assertThat(browser.findElement(By.id("run-" + poll.id().value())).findElement(By.cssSelector(".status"))
                .getAttribute("class")).as("a run with a failed item does not look green").contains("bad");
        row.findElement(By.cssSelector("button.replay")).click();
        waitFor().until(ExpectedConditions.urlContains("done=replay"));

        List<DeadLetterView> after = sandbox.engine().deadLetters();
        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("Dead letter replayed");
        // the product is still gone, so the replay fails again: the letter stays, with one attempt more
        assertThat(after).filteredOn(d -> d.id() == letter.id()).singleElement()
                .satisfies(d -> assertThat(d.attempts()).isEqualTo(letter.attempts() + 1));
        assertThat(browser.findElement(By.id("dead-letter-" + letter.id())).getText())
                .contains(String.valueOf(letter.attempts() + 1));
    }

    @Test
    void aForgedAction_withoutOrWithAWrongCsrfToken_isRefused_andStartsNoRun() {
        signIn();
        int runsBefore = sandbox.engine().recentRuns(SHOP, 1000).size();

        forgedPost("/dashboard/stores/" + SHOP + "/sync", null);
        String withoutToken = browser.getPageSource();
        signIn();
        forgedPost("/dashboard/stores/" + SHOP + "/disconnect", "forged");
        String wrongToken = browser.getPageSource();
        signIn();
        forgedPost("/dashboard/stores/" + SHOP + "/webhooks", null);
        String webhooksWithoutToken = browser.getPageSource();

        assertThat(withoutToken).contains("csrf_token_invalid").doesNotContain("sign-out");
        assertThat(wrongToken).contains("csrf_token_invalid").doesNotContain("sign-out");
        assertThat(webhooksWithoutToken).contains("csrf_token_invalid").doesNotContain("sign-out");
        assertThat(sandbox.engine().recentRuns(SHOP, 1000)).hasSize(runsBefore);
        assertThat(sandbox.engine().store(SHOP).orElseThrow().approved()).isTrue();
    }

    @Test
    void productSearch_findsARealProductBySkuAndByTitle_andItsPageShowsListed() throws Exception {
        GolistoListing listing = simpleListings().get(0);
        String id = listing.externalId();
        String title = "Dashboard Search Lamp " + id;
        // a change the next pass writes, so the ledger's last outcome is listed whatever ran before
        sandbox.woo.merchant().rename(Long.parseLong(id), title);
        RunView pass = sandbox.engine().syncAndWait(SHOP, SyncMode.INCREMENTAL);
        String sku = sandbox.woo.merchant().product(Long.parseLong(id)).orElseThrow().path("sku").asText();
        assertThat(pass.counts().updated()).isPositive();
        assertThat(sku).isNotBlank();

        signIn();
        search(sku);
        WebElement bySku = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.results")));
        assertThat(bySku.getText()).contains(id).contains(sku).contains("listed");
        search("search LAMP");
        WebElement byTitle = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table.results")));
        assertThat(byTitle.getText()).contains(id).contains(title);
        byTitle.findElement(By.linkText(id)).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dd.outcome")));

        assertThat(browser.getCurrentUrl()).endsWith("/stores/" + SHOP + "/products/" + id);
        assertThat(browser.findElement(By.cssSelector("dd.outcome")).getText()).isEqualTo("listed");
        assertThat(browser.findElement(By.cssSelector("dd.shop-sku")).getText()).isEqualTo(sku);
        assertThat(browser.findElement(By.cssSelector("dd.listing")).getText()).contains(listing.listingId());
        assertThat(browser.findElement(By.cssSelector("dd.decision")).getText()).isEqualTo("listable");
        assertThat(browser.findElement(By.cssSelector("dd.golisto-title")).getText()).isEqualTo(title);
        assertThat(browser.findElement(By.cssSelector("dd.differences")).getText()).isEqualTo("none");
        assertThat(browser.findElement(By.cssSelector("p.verdict")).getText()).startsWith("On Golisto");
        browser.manage().window().setSize(new Dimension(1100, 1250));
        screenshot("dashboard-explain.png");
        browser.manage().window().setSize(new Dimension(400, 900));
        browser.navigate().refresh();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dd.outcome")));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        browser.manage().window().setSize(new Dimension(1280, 1600));
        assertThat(((Number) overflow).longValue()).as("the product page fits a phone's width").isLessThanOrEqualTo(0);
    }

    @Test
    void aProductWhosePriceWasCleared_isSkippedForNoPrice_onItsPage() throws Exception {
        String id = simpleListings().get(1).externalId();
        sandbox.woo.merchant().setSalePrice(Long.parseLong(id), "");
        sandbox.woo.merchant().setRegularPrice(Long.parseLong(id), "");
        RunView delisting = sandbox.engine().syncAndWait(SHOP, SyncMode.FULL);
        RunView next = sandbox.engine().syncAndWait(SHOP, SyncMode.FULL);

        signIn();
        browser.get(sandbox.url("/stores/" + SHOP + "/products/" + id).toString());
        WebElement outcome = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dd.outcome")));

        assertThat(delisting.counts().deleted()).as("the first pass after the change delists it").isPositive();
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(outcome.getText()).isEqualTo("skipped");
        assertThat(browser.findElement(By.cssSelector("dd.reason")).getText()).isEqualTo("no price");
        assertThat(browser.findElement(By.cssSelector("dd.shop-price")).getText()).isEqualTo("none");
        assertThat(browser.findElement(By.cssSelector("p.verdict")).getText()).isEqualTo("Not on Golisto: skipped (no price)");
        browser.get(sandbox.url("/stores/" + SHOP + "/products/999999").toString());
        assertThat(waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1.not-found")))
                .getText()).isEqualTo("Not found");
    }

    @Test
    void syncNow_showsTheProgressOfTheRunningPass_untilItEnds() throws Exception {
        StoreView store = sandbox.engine().store(SHOP).orElseThrow();
        sandbox.engine().registerStore(new StoreRegistration(SHOP, store.shopConnectorId(), Map.of("page-size", "5"),
                store.marketplaceConnectorId(), Map.of()));
        // a settled full pass first: the engine then knows every listed variation's SKU (read in bulk below)
        sandbox.clock.advance(Duration.ofMinutes(1));
        sandbox.engine().syncAndWait(SHOP, SyncMode.FULL);
        long expected = sandbox.engine().recentRuns(SHOP, 100).stream()
                .filter(r -> r.kind() == RunKind.FULL && r.status() == RunStatus.SUCCEEDED).findFirst().orElseThrow()
                .counts().read();
        Fault.Hold secondPage = Fault.hold();
        // the first page of 5, then, when it holds a listed variable product, the bulk read of its variations by SKU
        boolean bulkRead = sandbox.woo.merchant().productIds().stream().sorted().limit(5)
                .map(id -> sandbox.woo.merchant().product(id).orElseThrow())
                .anyMatch(p -> p.path("type").asText().equals("variable") && p.path("status").asText().equals("publish"));
        sandbox.woo.faults().inject("GET", "/wp-json/wc/v3/products", Fault.latency(Duration.ZERO), bulkRead ? 2 : 1);
        sandbox.woo.faults().inject("GET", "/wp-json/wc/v3/products", secondPage, 1);
        try {
            signIn();
            browser.findElement(By.cssSelector("#store-" + SHOP + " button.sync-full")).click();
            waitFor().until(ExpectedConditions.urlContains("done=sync-full"));
            Matcher m = Pattern.compile("run=(\\d+)").matcher(browser.getCurrentUrl());
            assertThat(m.find()).as(browser.getCurrentUrl()).isTrue();
            long run = Long.parseLong(m.group(1));
            assertThat(secondPage.awaitHeld(WAIT)).as("the pass reads its second page").isTrue();
            sandbox.clock.advance(Duration.ofSeconds(10));
            browser.navigate().refresh();
            WebElement progress = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("progress-" + run)));

            assertThat(progress.getText()).contains("full run " + run).contains("1 page,")
                    .contains("5 of ~" + expected + " products").contains("0.5 products/s").containsPattern("ETA 20\\d\\d-");
            secondPage.release();
            RunView done = sandbox.engine().awaitRun(new RunId(run), Duration.ofSeconds(60));
            assertThat(done.status()).isEqualTo(RunStatus.SUCCEEDED);
            // the page reloads itself while a pass runs: the reloaded page has no progress any more
            waitFor().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".progress.running"), 0));
            assertThat(browser.findElement(By.cssSelector("#store-" + SHOP + " .last-full")).getText())
                    .contains("succeeded");
        } finally {
            secondPage.release();
            sandbox.woo.faults().clear();
            sandbox.engine().registerStore(new StoreRegistration(SHOP, store.shopConnectorId(),
                    Map.of("page-size", "100"), store.marketplaceConnectorId(), Map.of()));
        }
    }

    @Test
    void reRegisterWebhooks_checksThemByAnIncrementalPass_andTheCardShowsTheResult() throws Exception {
        signIn();
        browser.findElement(By.cssSelector("#store-" + SHOP + " button.webhooks-register")).click();
        waitFor().until(ExpectedConditions.urlContains("done=webhooks"));
        Matcher m = Pattern.compile("run=(\\d+)").matcher(browser.getCurrentUrl());
        assertThat(m.find()).as(browser.getCurrentUrl()).isTrue();
        RunView run = sandbox.engine().awaitRun(new RunId(Long.parseLong(m.group(1))), Duration.ofSeconds(60));

        assertThat(browser.findElement(By.cssSelector("p.notice")).getText()).contains("Webhooks re-registered");
        assertThat(run.kind()).isEqualTo(RunKind.INCREMENTAL);
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        WebElement hooks = browser.findElement(By.cssSelector("#store-" + SHOP + " dd.webhooks"));
        int registered = sandbox.woo.webhookIds().size();
        assertThat(registered).isPositive();
        assertThat(hooks.getText()).contains(registered + " registered, " + registered + " active")
                .contains("checked " + sandbox.clock.instant().truncatedTo(ChronoUnit.SECONDS));
        assertThat(hooks.getAttribute("class")).contains("ok");
    }

    /**
     * The store's active listings of simple products, lowest shop id first, without the one the dead letter test
     * deletes (the greatest id as text), so the tests do not depend on their order.
     */
    private static List<GolistoListing> simpleListings() {
        List<GolistoListing> active = sandbox.golisto.listings(sandbox.account(SHOP)).stream()
                .filter(l -> l.variantIds().isEmpty() && l.status().equals("active")).toList();
        GolistoListing deleted = active.stream().max(Comparator.comparing(GolistoListing::externalId)).orElseThrow();
        return active.stream().filter(l -> l != deleted)
                .sorted(Comparator.comparing(l -> Long.parseLong(l.externalId()))).toList();
    }

    /** Types into the store card's search box and waits for the answer. */
    private static void search(String text) {
        browser.get(sandbox.url("/").toString());
        WebElement box = waitFor().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#store-" + SHOP + " form.product-search input[name='q']")));
        box.clear();
        box.sendKeys(text);
        box.submit();
        waitFor().until(ExpectedConditions.urlContains("/stores/" + SHOP + "/products"));
    }

    /** Posts a same-origin form the page did not render, as a forging script would, and waits for the answer. */
    private static void forgedPost(String action, String csrf) {
        ((JavascriptExecutor) browser).executeScript("""
                const f = document.createElement('form'); f.method = 'post'; f.action = arguments[0];
                f.id = 'forged';
                if (arguments[1] !== null) { const i = document.createElement('input'); i.type = 'hidden';
                  i.name = 'csrf'; i.value = arguments[1]; f.appendChild(i); }
                document.body.appendChild(f); f.submit();""", action, csrf);
        waitFor().until(ExpectedConditions.urlContains(action));
        waitFor().until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
    }

    /** Signs in afresh and waits for the dashboard. */
    private static void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(sandbox.url("/login").toString());
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.name("token"))).sendKeys(token);
        browser.findElement(By.cssSelector("form[action='/login'] button")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.sign-out")));
    }

    private static WebDriverWait waitFor() {
        return new WebDriverWait(browser, WAIT);
    }

    /** Writes a screenshot only when {@code -Dgs.screenshots=DIR} asks for it. */
    private static void screenshot(String name) throws Exception {
        String target = System.getProperty("gs.screenshots", "");
        if (target.isBlank() || target.startsWith("${")) {
            return;
        }
        Path out = Path.of(target).resolve(name);
        Files.createDirectories(out.getParent());
        Files.write(out, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
