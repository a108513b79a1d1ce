package com.golisto.sync.app.cli;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code bench}: runs the end-to-end benchmark of the {@code benchmarks} module when that module is on
 * this runner's module path (as a child JVM with the same module path, so its heap is measured alone);
 * otherwise says how to run it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the end-to-end benchmark, or says how to run it.",
                "Needs the benchmarks module on the module path (emulators on loopback; one JSON line per",
                "scenario); otherwise prints how to run it with bin/bench."})
final class BenchCommand extends RunnerCommand {
    static final String MODULE = "com.golisto.sync.benchmarks";
    /** The end-to-end benchmark's entry point, as bin/bench runs it, when the module names no main class. */
    static final String DEFAULT_MAIN = "com.golisto.sync.benchmarks.EndToEndBenchmark";

    @Parameters(paramLabel = "ARG", arity = "0..*", description = "Arguments for the benchmark (e.g. a scenario).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        String modulePath = System.getProperty("jdk.module.path");
        Optional<ModuleDescriptor> module = modulePath == null ? Optional.empty()
                : ModuleFinder.of(Arrays.stream(modulePath.split(File.pathSeparator)).map(Path::of)
                        .toArray(Path[]::new)).find(MODULE).map(ModuleReference::descriptor);
        if (module.isEmpty()) {
            out().println("The end-to-end benchmark is in the benchmarks module, which is not on this runner's"
                    + " module path.");
            out().println("Run it from a checkout with bin/bench (it builds what it needs; see docs/performance.md),");
            out().println("or put benchmarks/target/benchmarks-*.jar and its lib/ on this runner's module path.");
            return ExitCodes.FAILURE;
        }
        Optional<String> mainClass = Optional.of(module.get().mainClass().orElse(DEFAULT_MAIN));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
                "java").toString()));
        command.add("-Xmx256m");
        command.add("-p");
        command.add(modulePath);
        command.add("-m");
        command.add(MODULE + "/" + mainClass.get());
        command.addAll(args);
        out().println("Running " + MODULE + "/" + mainClass.get() + " " + String.join(" ", args));
        out().flush();
        Process process = new ProcessBuilder(command).inheritIO().start();
        return process.waitFor() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
