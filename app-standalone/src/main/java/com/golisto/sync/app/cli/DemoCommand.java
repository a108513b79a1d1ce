package com.golisto.sync.app.cli;

import com.golisto.sync.app.demo.Demo;
import com.golisto.sync.app.demo.DemoOptions;
import com.golisto.sync.app.demo.DemoProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code demo}: the whole story on loopback emulators, no setup. The emulators are not part of the runner's
 * installation: the demo comes from the {@code app-demo} module, found as a {@link DemoProvider} service when the
 * launch puts it on the module path ({@code bin/run} does); without it the command says how to run the demo.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole story on local emulators, no setup needed.",
                "WooCommerce and Golisto emulators on loopback, the runner on an embedded database: connect,",
                "approval, full sync, a price change by webhook, a Golisto sale becoming a WooCommerce order,",
                "shipment and payout. Ignores the configuration file: everything is local."})
final class DemoCommand extends RunnerCommand {
    @Option(names = "--keep-running", description = "Leave the runner, dashboard and emulators up and print their URLs.")
    boolean keepRunning;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Keep the runner's state in DIR (e.g. ./data) instead of a temporary folder deleted at the end.")
    @Nullable Path data;

    @Option(names = "--products", paramLabel = "N", defaultValue = "60",
            description = "Products in the WooCommerce emulator, a quarter of them variable (default: ${DEFAULT-VALUE}).")
    int products;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "The runner's HTTP port (default: a free one).")
    int port;

    @Override
    public Integer call() throws Exception {
        if (products < 4 || products > 100_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--products must be 4 to 100000");
        }
        Optional<DemoProvider> provider = ServiceLoader.load(DemoProvider.class).findFirst();
        if (provider.isEmpty()) {
            cli().err().println("The demo is not part of this installation: it lives in the app-demo module, with the"
                    + " WooCommerce and Golisto emulators.");
            cli().err().println("Run it from a checkout with bin/run (it builds what it needs), or put"
                    + " app-demo/target/app-demo-*.jar and its lib/ on the module path.");
            cli().err().flush();
            return ExitCodes.FAILURE;
        }
        Path dir = data != null ? data : Files.createTempDirectory("golisto-sync-demo-");
        boolean temporary = data == null;
        Demo demo;
        try {
            demo = provider.get().start(new DemoOptions(dir, products, port, cli().terminal()), out());
        } catch (RuntimeException e) {
            if (temporary) {
                delete(dir);
            }
            throw e;
        }
        try {
            demo.run();
            if (keepRunning || !temporary) {
                demo.printGeneratedToken();
            }
            if (keepRunning) {
                demo.printUrls();
                CountDownLatch stopped = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    demo.close();
                    if (temporary) {
                        delete(dir);
                    }
                    stopped.countDown();
                }, "demo-shutdown"));
                stopped.await();
            }
        } finally {
            demo.close();
            if (temporary && !keepRunning) {
                delete(dir);
            }
        }
        return ExitCodes.OK;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the demo folder " + dir, e);
        }
    }
}
