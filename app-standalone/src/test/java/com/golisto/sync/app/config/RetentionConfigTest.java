package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code retention.*} keys: documented defaults, the file and the environment, wrong values. */
class RetentionConfigTest {

    @TempDir
    Path dir;

    @Test
    void noRetentionKeys_giveTheDocumentedDefaults() {
        RunnerConfig c = ConfigLoader.create(Map.of()).load(Optional.empty());

        assertThat(c.retention()).isEqualTo(RetentionConfig.defaults());
        assertThat(c.retention()).isEqualTo(new RetentionConfig(Duration.ofDays(30), 20, Duration.ofDays(7),
                Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(1), Duration.ofHours(1)));
    }

    @Test
    void retentionKeys_fromTheFileAndTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("sync.yaml"), """
                retention:
                  runs: P10D
                  runs-kept-per-kind: 5
                  webhook-deliveries: P2D
                  dead-letters: P14D
                  pending-dead-letters: P60D
                  one-time-states: PT12H
                """);

        RunnerConfig c = ConfigLoader.create(Map.of("GOLISTO_SYNC_RETENTION_SWEEP_INTERVAL", "PT15M"))
                .load(Optional.of(file));

        assertThat(c.retention()).isEqualTo(new RetentionConfig(Duration.ofDays(10), 5, Duration.ofDays(2),
                Duration.ofDays(14), Duration.ofDays(60), Duration.ofHours(12), Duration.ofMinutes(15)));
    }

    @Test
    void wrongRetentionValues_areProblemsNamingTheKeyAndTheExpectedType() throws IOException {
        Path file = Files.writeString(dir.resolve("sync.yaml"), """
                retention: { runs: PT0S, runs-kept-per-kind: -1, webhook-deliveries: weekly }
                """);

        assertThatThrownBy(() -> ConfigLoader.create(Map.of()).load(Optional.of(file)))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> {
                    assertThat(e.problems()).extracting(ConfigProblem::key).containsExactlyInAnyOrder(
                            "retention.runs", "retention.runs-kept-per-kind", "retention.webhook-deliveries");
                    assertThat(e.getMessage()).contains("a whole number from 0 to 10000")
                            .contains("retention.runs: \"PT0S\" must be a positive duration");
                });
    }
}
