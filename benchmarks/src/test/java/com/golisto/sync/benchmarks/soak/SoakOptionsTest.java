package com.golisto.sync.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.sandbox.http.Fault;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The soak's command line and how it names the faults the emulators served. */
class SoakOptionsTest {
    private static final String[] RUNNER = {"--runner-jar", "app.jar", "--runner-lib", "lib"};

    @Test
    void parse_noOptions_givesTenMinutesSeedOneAndAKillEveryOneToThreeMinutes() {
        SoakOptions options = SoakOptions.parse(RUNNER);

        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.seed()).isEqualTo(1);
        assertThat(options.products()).isEqualTo(200);
        assertThat(options.killMin()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.killMax()).isEqualTo(Duration.ofSeconds(180));
        assertThat(options.runnerJar()).isEqualTo(Path.of("app.jar"));
        assertThat(options.workDir()).isNull();
    }

    @Test
    void parse_fractionalMinutesAndAKillRange_areTaken() {
        SoakOptions options = SoakOptions.parse("--minutes", "1.5", "--kill-every", "30-45", "--seed", "7",
                RUNNER[0], RUNNER[1], RUNNER[2], RUNNER[3]);

        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.killMin()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.killMax()).isEqualTo(Duration.ofSeconds(45));
        assertThat(options.seed()).isEqualTo(7);
    }

    @Test
    void parse_badValues_areRefusedNamingTheOption() {
        assertThatThrownBy(() -> SoakOptions.parse("--minutes", "ten", RUNNER[0], RUNNER[1], RUNNER[2], RUNNER[3]))
                .hasMessageContaining("--minutes");
        assertThatThrownBy(() -> SoakOptions.parse("--kill-every", "90-30", RUNNER[0], RUNNER[1], RUNNER[2],
                RUNNER[3])).hasMessageContaining("--kill-every");
        assertThatThrownBy(() -> SoakOptions.parse("--minutes", "10")).hasMessageContaining("--runner-jar");
    }

    @Test
    void faultKind_ofServedFaults_tellsTimeoutsFromSlowAnswersAndOversizedFromErrorStatuses() {
        Duration slowest = Duration.ofSeconds(4);

        assertThat(FaultKind.of(Fault.latency(Duration.ofSeconds(3)), slowest)).isEqualTo(FaultKind.SLOW);
        assertThat(FaultKind.of(Fault.latency(Duration.ofSeconds(25)), slowest)).isEqualTo(FaultKind.TIMEOUT);
        assertThat(FaultKind.of(Fault.status(429, Duration.ofSeconds(2), null), slowest))
                .isEqualTo(FaultKind.RATE_LIMITED);
        assertThat(FaultKind.of(Fault.status(503), slowest)).isEqualTo(FaultKind.UNAVAILABLE);
        assertThat(FaultKind.of(Fault.oversizedBody(1024), slowest)).isEqualTo(FaultKind.OVERSIZED);
        assertThat(FaultKind.of(Fault.connectionReset(), slowest)).isEqualTo(FaultKind.RESET);
        assertThat(FaultKind.of(Fault.truncatedBody(), slowest)).isEqualTo(FaultKind.TRUNCATED);
    }
}
