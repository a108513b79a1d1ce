package com.golisto.sync.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Money;
import com.golisto.sync.api.model.Product;
import com.golisto.sync.api.model.ProductStatus;
import com.golisto.sync.api.model.StockLevel;
import com.golisto.sync.api.model.StockStatus;
import com.golisto.sync.core.ProductExplanation;
import com.golisto.sync.core.ProductSummary;
import com.golisto.sync.core.RunCounts;
import com.golisto.sync.core.RunId;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.RunStatus;
import com.golisto.sync.core.RunView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProductHtmlTest {
    private static final Instant T = Instant.parse("2026-12-04T12:00:00Z");
    private static final String EVIL = "<script>alert('x')</script>";

    static Product product(String id, String sku, String title, String price) {
        return new Product(id, sku, title, "", "", ProductStatus.ACTIVE, Money.of(price, "EUR"), null,
                StockLevel.of(3, StockStatus.IN_STOCK), null, List.of(), List.of(), Map.of(), List.of(), T);
    }

    static ProductExplanation explained(Product p, boolean listed, String outcome, String reason) {
        return new ProductExplanation("shop-a", p.id(), p, listed, listed ? "L-77" : null,
                listed ? "listable" : "not listable: " + reason, outcome, reason, listed ? "create" : null,
                listed ? "CREATED" : null, "fp", T, List.of(new RunView(new RunId(9), "shop-a", RunKind.FULL,
                        RunStatus.SUCCEEDED, T, T, new RunCounts(12, 3, 0, 0, 9, 0, 4), null)));
    }

    @Test
    void explanation_showsShopProduct_listing_decision_ledger_andRuns() {
        String html = ProductHtml.explanation(explained(product("101", "HAT-1", "Beanie", "12.50"), true, "listed",
                null));

        assertThat(html).contains("class=\"shop-id\">101<").contains("class=\"shop-sku\">HAT-1<")
                .contains("class=\"shop-status\">active<").contains("class=\"shop-price\">12.50 EUR<")
                .contains("class=\"shop-modified\">2026-12-04T12:00:00Z<").contains("class=\"listing\">held: L-77<")
                .contains("class=\"decision\">listable<").contains("class=\"outcome ok\">listed<")
                .contains("class=\"sent\">create<").contains("class=\"answer\">CREATED<")
                .contains("class=\"decided-at\">2026-12-04T12:00:00Z<").contains("On Golisto")
                .contains("<td>9</td><td>full</td>");
    }

    @Test
    void whatGolistoHolds_isShownWithItsDifferences_orWhyItWasNotRead() {
        Product shop = product("101", "HAT-1", "Beanie", "12.50");
        Product held = product("101", "HAT-1", "Old <b>Beanie</b>", "10");
        ProductExplanation base = explained(shop, true, "listed", null);
        ProductExplanation read = new ProductExplanation("shop-a", "101", shop, true, "L-77", "listable", "listed", null,
                "update", "UPDATED", "fp", T, List.of(), new ProductExplanation.MarketplaceCopy(held,
                        List.of("title", "price"), null));
        ProductExplanation unread = new ProductExplanation("shop-a", "101", shop, true, "L-77", "listable", "listed",
                null, "update", "UPDATED", "fp", T, List.of(), ProductExplanation.MarketplaceCopy.notRead("unreachable"));

        assertThat(ProductHtml.explanation(read)).contains("class=\"golisto-title\">Old &lt;b&gt;Beanie&lt;/b&gt;<")
                .contains("class=\"golisto-price\">10.00 EUR<").contains("class=\"differences bad\">title, price<");
        assertThat(ProductHtml.explanation(unread)).contains("class=\"golisto-error muted\">not read: unreachable<")
                .doesNotContain("golisto-title");
        assertThat(base.marketplace().error()).isNotNull();
    }

    @Test
    void aSkippedProduct_showsItsOutcomeAndReason_andNoPrice() {
        String html = ProductHtml.explanation(explained(product("102", null, "Scarf", "0"), false, "skipped",
                "no price"));

        assertThat(html).contains("Not on Golisto: skipped (no price)").contains("class=\"outcome muted\">skipped<")
                .contains("class=\"reason\">no price<").contains("class=\"shop-price\">none<")
                .contains("class=\"shop-sku\">-<").contains("class=\"listing\">none<");
    }

    @Test
    void everyDynamicValue_isEscaped() {
        Product p = product("103", EVIL, EVIL, "1");
        ProductExplanation e = new ProductExplanation("shop-a", "103", p, true, EVIL, EVIL, EVIL, EVIL, EVIL, EVIL,
                "fp", T, List.of());

        String page = ProductHtml.explanation(e);
        String results = ProductHtml.results("sh<op", EVIL, List.of(new ProductSummary("1\"x", EVIL, EVIL, EVIL,
                EVIL, T)), 50);
        String missing = ProductHtml.notFound("sh<op", EVIL);
        String unreadable = ProductHtml.shopUnreadable("sh<op", EVIL, EVIL);

        for (String html : List.of(page, results, missing, unreadable, ProductHtml.unknownStore(EVIL))) {
            assertThat(html).doesNotContain("<script>").doesNotContain("sh<op")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        }
        assertThat(results).contains("href=\"/stores/sh%3Cop/products/1%22x\"");
    }

    @Test
    void pages_areMadeForPhoneWidths() {
        String html = ProductHtml.explanation(explained(product("101", "HAT-1", "Beanie", "12.50"), true, "listed",
                null));
        String results = ProductHtml.results("shop-a", "Bea", List.of(new ProductSummary("101", "HAT-1", "Beanie",
                "listed", null, T)), 50);

        for (String page : List.of(html, results)) {
            assertThat(page).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .contains("@media (max-width:40rem)").contains("<div class=\"scroll\"><table");
        }
        assertThat(html).contains("<dl class=\"facts shop\">").contains(".facts{grid-template-columns:1fr}");
    }

    @Test
    void notFound_namesTheStoreAndTheProduct_andOffersTheSearch() {
        String html = ProductHtml.notFound("shop-a", "999");

        assertThat(html).contains("class=\"not-found\">Not found<").contains("<b>shop-a</b> has no product <b>999</b>")
                .contains("action=\"/stores/shop-a/products\"");
    }

    @Test
    void results_linkEachProductToItsPage_andSayWhenNothingMatched() {
        String some = ProductHtml.results("shop-a", "bean", List.of(new ProductSummary("101", "HAT-1", "Beanie",
                "listed", null, T), new ProductSummary("102", null, "Bean bag", "skipped", "no price", T)), 50);
        String none = ProductHtml.results("shop-a", "nothing", List.of(), 50);

        assertThat(some).contains("2 products for <b>bean</b>").contains("href=\"/stores/shop-a/products/101\"")
                .contains("href=\"/stores/shop-a/products/102\"").contains("class=\"outcome muted\">skipped<")
                .contains("<td>no price</td>");
        assertThat(none).contains("class=\"no-results\"").doesNotContain("class=\"result\"");
    }
}
