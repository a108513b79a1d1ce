package com.golisto.sync.app.cli;

import com.golisto.sync.app.admin.Views;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stores add|list|show|remove}. */
@Command(name = "stores", mixinStandardHelpOptions = true, description = "Add, list, show and remove stores.",
        subcommands = {StoresCommand.Add.class, StoresCommand.ListStores.class, StoresCommand.Show.class,
                StoresRemoveCommand.class})
final class StoresCommand extends RunnerCommand {
    @Override
    public Integer call() {
        spec.commandLine().usage(cli().err());
        return ExitCodes.USAGE;
    }

    /** {@code stores add ID --url URL [--consumer-key K --consumer-secret S]}. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Registers a WooCommerce store.",
                    "Without API keys, connecting first asks the merchant to authorize keys in WooCommerce."})
    static final class Add extends RunnerCommand implements Callable<Integer> {
        @Mixin
        JsonOption output = new JsonOption();

        @Override
        boolean json() {
            return output.json;
        }

        @Parameters(index = "0", paramLabel = "STORE", description = "The store's id: lower-case letters, digits, dashes.")
        // required: picocli rejects the command line without it, so it is set before call() runs
        @SuppressWarnings("NullAway.Init")
        String id;

        @Option(names = "--url", required = true, paramLabel = "URL", description = "The WooCommerce store's home URL.")
        // required: picocli rejects the command line without it, so it is set before call() runs
        @SuppressWarnings("NullAway.Init")
        URI url;

        @Option(names = "--consumer-key", paramLabel = "KEY", description = "A REST API consumer key (ck_...).")
        @Nullable String consumerKey;

        @Option(names = "--consumer-secret", paramLabel = "SECRET", interactive = true, arity = "0..1",
                description = "Its consumer secret (cs_...); give the option without a value to be prompted.")
        @Nullable String consumerSecret;

        @Override
        public Integer call() {
            if (!id.matches(com.golisto.sync.app.config.StoreConfig.ID_PATTERN)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "store id '" + id + "' must be lower-case letters, digits and dashes (at most 63)");
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--url must be an absolute http or https URL");
            }
            if ((consumerKey == null) != (consumerSecret == null)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--consumer-key and --consumer-secret go together");
            }
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("url", url.toString());
            if (consumerKey != null && consumerSecret != null) { // both or neither, checked above
                settings.put("consumer-key", consumerKey);
                settings.put("consumer-secret", consumerSecret);
            }
            try (Operations ops = operations()) {
                Views.Store store = ops.add(id, settings);
                if (json()) {
                    printJson(store);
                    return ExitCodes.OK;
                }
                out().println("Store " + store.id() + " registered (status: " + Text.status(store.status()) + ").");
                out().println("Next: connect it to Golisto with 'connect " + store.id() + "'.");
            }
            return ExitCodes.OK;
        }
    }

    /** {@code stores list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every store and its status.")
    static final class ListStores extends RunnerCommand implements Callable<Integer> {
        @Mixin
        JsonOption output = new JsonOption();

        @Override
        boolean json() {
            return output.json;
        }

        @Override
        public Integer call() {
            try (Operations ops = operations()) {
                List<Views.Store> stores = ops.stores();
                if (json()) {
                    printJson(new Views.Stores(stores, null));
                    return ExitCodes.OK;
                }
                if (stores.isEmpty()) {
                    out().println("No stores yet. Add one with 'stores add STORE --url URL'.");
                    return ExitCodes.OK;
                }
                out().print(Text.table(List.of("STORE", "STATUS", "GOLISTO ACCOUNT", "SHOP KEYS", "UPDATED"),
                        stores.stream().map(s -> List.of(s.id(), Text.status(s.status()), Text.orDash(s.accountId()),
                                s.shopCredentialsPresent() ? "present" : "missing", Text.time(s.updatedAt()))).toList()));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code stores show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Shows a store: connection status, counts, last runs and dead letters.")
    static final class Show extends RunnerCommand implements Callable<Integer> {
        @Mixin
        JsonOption output = new JsonOption();

        @Override
        boolean json() {
            return output.json;
        }

        @Parameters(index = "0", paramLabel = "STORE", description = "The store's id.")
        // required: picocli rejects the command line without it, so it is set before call() runs
        @SuppressWarnings("NullAway.Init")
        String id;

        @Override
        public Integer call() {
            try (Operations ops = operations()) {
                Views.StoreDetail detail = ops.store(id);
                if (json()) {
                    printJson(detail);
                } else {
                    print(detail);
                }
            }
            return ExitCodes.OK;
        }

        private void print(Views.StoreDetail d) {
            out().println("Store " + d.id() + " (" + d.shopConnector() + " → " + d.marketplaceConnector() + ")");
            out().println("  status:          " + Text.status(d.status())
                    + (d.statusReason() == null ? "" : " (" + d.statusReason() + ")"));
            out().println("  golisto account: " + Text.orDash(d.accountId()));
            out().println("  shop keys:       " + (d.shopCredentialsPresent() ? "present" : "missing"));
            out().println("  last catalog run: " + Text.counts(d.counts()));
            out().println("  dead letters:    " + d.deadLetterCount());
            if (d.orderPolls() != null) { // null from a runner older than this CLI
                out().println("  order polls:     last " + Text.time(d.orderPolls().lastPolledAt()) + ", "
                        + d.orderPolls().empty() + " found nothing (not listed as runs)");
            }
            if (!d.lastRuns().isEmpty()) {
                out().println();
                out().print(Text.table(List.of("RUN", "KIND", "STATUS", "STARTED", "FINISHED", "COUNTS"),
                        d.lastRuns().stream().map(r -> List.of(Long.toString(r.id()), r.kind(), r.status(),
                                Text.time(r.startedAt()), Text.time(r.finishedAt()), Text.counts(r.counts()))).toList()));
            }
            if (!d.deadLetters().isEmpty()) {
                out().println();
                out().print(Text.table(List.of("DEAD LETTER", "KIND", "ITEM", "ATTEMPTS", "REASON"),
                        d.deadLetters().stream().map(l -> List.of(Long.toString(l.id()), l.kind(), l.itemId(),
                                Integer.toString(l.attempts()), l.reason())).toList()));
            }
        }
    }
}
