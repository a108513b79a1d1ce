package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.ApiJson;
import com.golisto.sync.app.admin.ProductRoutes;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code explain STORE PRODUCT}: why a shop product is (not) on Golisto, from the engine's ledger. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains why a shop product is (not) on Golisto: the shop's product now, whether it is listed,"
                + " the decision and its reason, what was last sent and Golisto's answer.")
final class ExplainCommand extends RunnerCommand {
    @Parameters(index = "0", paramLabel = "STORE", description = "The store's id.")
    // required: picocli rejects the command line without it, so it is set before call() runs
    @SuppressWarnings("NullAway.Init")
    String id;

    @Parameters(index = "1", paramLabel = "PRODUCT", description = "The shop's product id, or its SKU.")
    @SuppressWarnings("NullAway.Init")
    String product;

    @Option(names = "--json", description = "Print the answer as JSON (the admin API's shape).")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
        try (Operations ops = operations()) {
            ProductRoutes.Explanation e = ops.explain(id, product);
            PrintWriter out = out();
            if (json) {
                out.println(new ApiJson().write(e));
                return ExitCodes.OK;
            }
            out.println("product " + e.productId() + " of store " + e.storeId());
            ProductRoutes.ShopProduct shop = e.shop();
            out.println("  shop:     " + (shop == null ? "no longer has it"
                    : shop.title() + ", " + shop.status() + ", " + shop.price() + " " + shop.currency()
                    + (shop.sku() == null || shop.sku().isEmpty() ? "" : ", SKU " + shop.sku())));
            out.println("  golisto:  " + (e.listed() ? "listed" + (e.listingId() == null ? "" : " as " + e.listingId())
                    : "not listed"));
            ProductRoutes.Marketplace held = e.marketplace();
            ProductRoutes.ShopProduct listing = held.listing();
            out.println("  golisto holds: " + (held.error() != null ? "not read (" + held.error() + ")"
                    : listing == null ? "no listing"
                    : listing.title() + ", " + listing.status() + ", " + listing.price() + " " + listing.currency()
                    + (held.differences().isEmpty() ? ", as the shop has it"
                    : ", differs from the shop in " + String.join(", ", held.differences()))));
            out.println("  decision: " + e.decision());
            out.println("  ledger:   " + (e.outcome() == null ? "no pass decided on it yet"
                    : e.outcome() + (e.reason() == null ? "" : ": " + e.reason())
                    + (e.sentAction() == null ? "" : " (last sent: " + e.sentAction()
                    + (e.remoteAnswer() == null ? "" : ", answer " + e.remoteAnswer()) + ")")));
            e.recentRuns().forEach(r -> out.println("  run " + r.id() + ": " + r.kind() + " " + r.status()
                    + " at " + r.startedAt()));
        }
        return ExitCodes.OK;
    }
}
