package com.golisto.sync.sandbox.woocommerce;

import java.nio.file.Files;
import java.nio.file.Path;

/** The shared WooCommerce fixtures, found as {@code <repo>/../shared} from the module directory. */
final class SampleFixtures {

    private SampleFixtures() {
    }

    static Path sampleCsv() {
        Path csv = Path.of("..", "..", "shared", "fixtures", "woocommerce", "sample_products.csv");
        if (!Files.isRegularFile(csv)) {
            throw new IllegalStateException("WooCommerce sample CSV not found at " + csv.toAbsolutePath().normalize()
                    + ": the shared/ folder must be a sibling of the repository folder");
        }
        return csv;
    }
}
