package com.golisto.sync.benchmarks.jmh;

import com.golisto.sync.api.model.Product;
import com.golisto.sync.core.catalog.ProductFingerprints;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Fingerprinting throughput, in products per second on one thread: both fingerprints (content and
 * stock) of every product of a 100-product page, as the catalog pipeline computes them for each page it
 * reads. {@code variations} is the number of variants of every variable product (one product in three is
 * variable, as in the end-to-end benchmark's catalog: 10,000 products carry 30,000 variations).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FingerprintBenchmark {

    static final int PAGE = 100;

    /** Variants per variable product. */
    @Param({"0", "9"})
    public int variations;

    // NullAway.Init: JMH calls @Setup before any @Benchmark method runs
    @SuppressWarnings("NullAway.Init")
    private List<Product> page;

    /** Generates the page once per trial. */
    @Setup
    public void generate() {
        page = SampleProducts.generate(PAGE, variations == 0 ? 0 : 3, variations, 42);
    }

    /** Fingerprints a page; the score is products per second. */
    @Benchmark
    @OperationsPerInvocation(PAGE)
    public void fingerprintPage(Blackhole hole) {
        for (Product product : page) {
            hole.consume(ProductFingerprints.of(product));
        }
    }
}
