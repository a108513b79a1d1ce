package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code health.*} keys: defaults, file and environment values, and out-of-range values by key. */
class HealthConfigTest {
    @TempDir
    Path dir;

    @Test
    void load_noHealthKeys_givesTheDocumentedDefaults() {
        HealthConfig health = ConfigLoader.create(Map.of()).load(Optional.empty()).health();

        assertThat(health).isEqualTo(HealthConfig.defaults());
        assertThat(health.minFreeDiskBytes()).isEqualTo(100L * 1024 * 1024);
        assertThat(health.failedPasses()).isEqualTo(3);
        assertThat(health.orderPollLag()).as("ten order-poll intervals, decided by the engine").isNull();
        assertThat(health.cacheFor()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void load_fileAndEnvironment_setEveryHealthKey() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"),
                "health: { min-free-disk-mib: 512, failed-passes: 5, order-poll-lag: PT30M }\n");

        HealthConfig health = ConfigLoader.create(Map.of("GOLISTO_SYNC_HEALTH_CACHE_FOR", "PT0S"))
                .load(Optional.of(file)).health();

        assertThat(health).isEqualTo(new HealthConfig(512, 5, Duration.ofMinutes(30), Duration.ZERO));
    }

    @Test
    void load_outOfRangeHealthValues_namesEachKeyAndTheExpectedRange() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"),
                "health: { min-free-disk-mib: -1, failed-passes: 0, order-poll-lag: PT0S, cache-for: PT1H }\n");

        assertThatThrownBy(() -> ConfigLoader.create(Map.of()).load(Optional.of(file)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactlyInAnyOrder("health.min-free-disk-mib",
                                "health.failed-passes", "health.order-poll-lag", "health.cache-for"));
    }
}
