package com.golisto.sync.benchmarks.jmh;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.core.catalog.CatalogPlanner;
import com.golisto.sync.core.catalog.ProductFingerprints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Diffing throughput, in products per second on one thread: {@link CatalogPlanner#plan} of a 100-product
 * page against the fingerprints last written (an in-memory map stands in for the state store's page
 * lookup, so this measures the planner, fingerprinting included, not the database).
 * {@code changed} is the share of the page whose price changed since the last write: {@code none}
 * (an unchanged full sync), {@code some} (one product in a hundred, an incremental pass) or {@code new}
 * (nothing listed yet, a first full sync). One product in three has nine variants.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DiffBenchmark {

    static final int PAGE = 100;

    // NullAway.Init: JMH injects @Param fields and calls @Setup before any @Benchmark method runs
    /** What the state store knows: {@code none} changed, {@code some} (1%) changed, or {@code new}. */
    @SuppressWarnings("NullAway.Init")
    @Param({"none", "some", "new"})
    public String changed;

    @SuppressWarnings("NullAway.Init")
    private List<Product> page;
    @SuppressWarnings("NullAway.Init")
    private Map<String, ProductFingerprints> known;

    /** Builds the page and the known fingerprints once per trial. */
    @Setup
    public void prepare() {
        List<Product> written = SampleProducts.generate(PAGE, 3, 9, 42);
        known = new HashMap<>();
        if (!changed.equals("new")) {
            for (Product product : written) {
                known.put(product.id(), ProductFingerprints.of(product));
            }
        }
        page = new ArrayList<>(written);
        if (changed.equals("some")) {
            page.set(PAGE / 2, SampleProducts.withNewPrice(page.get(PAGE / 2)));
        }
    }

    /** Plans a page; the score is products per second. */
    @Benchmark
    @OperationsPerInvocation(PAGE)
    public Object planPage() {
        return CatalogPlanner.plan(page, known::get);
    }
}
