package com.golisto.sync.tck;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/**
 * Runs a contract class through the JUnit Platform launcher, as a build would, and reports each check's outcome by
 * its method name.
 */
final class ContractRun {

    /** The outcome of each check (test method), and why a failed one failed. */
    final Map<String, TestExecutionResult.Status> outcomes = new ConcurrentHashMap<>();
    final Map<String, String> failures = new ConcurrentHashMap<>();
    final List<String> skipped = new ArrayList<>();

    static ContractRun of(Class<?> contract) {
        ContractRun run = new ContractRun();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(contract)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                        if (id.getSource().orElse(null) instanceof MethodSource method) {
                            String name = method.getMethodName();
                            run.outcomes.merge(name, result.getStatus(),
                                    (a, b) -> a == TestExecutionResult.Status.FAILED ? a : b);
                            result.getThrowable().ifPresent(t -> {
                                if (result.getStatus() == TestExecutionResult.Status.FAILED) {
                                    run.failures.put(name, String.valueOf(t.getMessage()));
                                }
                            });
                        }
                    }

                    @Override
                    public void executionSkipped(TestIdentifier id, String reason) {
                        synchronized (run.skipped) {
                            run.skipped.add(id.getDisplayName() + ": " + reason);
                        }
                    }
                });
        return run;
    }

    /** The checks that failed. */
    List<String> failed() {
        return outcomes.entrySet().stream().filter(e -> e.getValue() == TestExecutionResult.Status.FAILED)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The checks that passed. */
    List<String> passed() {
        return outcomes.entrySet().stream().filter(e -> e.getValue() == TestExecutionResult.Status.SUCCESSFUL)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The checks skipped by an assumption, with the reason. */
    List<String> aborted() {
        return outcomes.entrySet().stream().filter(e -> e.getValue() == TestExecutionResult.Status.ABORTED)
                .map(Map.Entry::getKey).sorted().toList();
    }
}
