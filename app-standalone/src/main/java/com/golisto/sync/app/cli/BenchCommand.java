package com.golisto.sync.app.cli;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
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
        description = {"Runs the end-to-end benchmark (emulators on loopback; one JSON line per scenario)",
                "when the benchmarks module is on the module path; otherwise prints how to run it."})
final class BenchCommand extends RunnerCommand {
    static final String MODULE = "com.golisto.sync.benchmarks";

    @Parameters(paramLabel = "ARG", arity = "0..*", description = "Arguments for the benchmark (e.g. a scenario).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<Module> module = ModuleLayer.boot().findModule(MODULE);
        Optional<String> mainClass = module.map(Module::getDescriptor).flatMap(ModuleDescriptor::mainClass);
        String modulePath = System.getProperty("jdk.module.path");
        if (module.isEmpty() || mainClass.isEmpty() || modulePath == null) {
            out().println("The end-to-end benchmark is in the benchmarks module, which is not on this runner's"
                    + " module path.");
            out().println("Run it from a checkout (see docs/performance.md):");
            out().println("  mvn -B -q -DskipTests install && bin/bench");
            out().println("or add benchmarks/target/benchmarks-*.jar and its dependencies to the module path and"
                    + " run 'bench' again.");
            return ExitCodes.FAILURE;
        }
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
