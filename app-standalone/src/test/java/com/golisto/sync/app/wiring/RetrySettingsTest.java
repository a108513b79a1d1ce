package com.golisto.sync.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.ConfigProblem;
import com.golisto.sync.app.config.InvalidConfigException;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.core.EngineOptions;
import com.google.inject.Guice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's retry keys reach the engine's options; their defaults are the documented ones. */
class RetrySettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaults_retryAPassWithinAMinuteUpToThirtyMinutes_andGiveEachRequestTwoMinutes() {
        EngineOptions options = options(Map.of());

        assertThat(options.passRetry()).isEqualTo(new EngineOptions.PassRetry(Duration.ofMinutes(1),
                Duration.ofMinutes(30)));
        assertThat(options.retry().requestBudget()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.retry().maxAttempts()).as("no fixed count of quick attempts")
                .isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void environment_setsThePassRetryWaitsAndTheRequestBudget() {
        EngineOptions options = options(Map.of("GOLISTO_SYNC_SYNC_PASS_RETRY_FIRST", "PT20S",
                "GOLISTO_SYNC_SYNC_PASS_RETRY_MAX", "PT10M", "GOLISTO_SYNC_SYNC_RETRY_REQUEST_BUDGET", "PT5M"));

        assertThat(options.passRetry()).isEqualTo(new EngineOptions.PassRetry(Duration.ofSeconds(20),
                Duration.ofMinutes(10)));
        assertThat(options.retry().requestBudget()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aMaximumShorterThanTheFirstWait_isAProblemNamingTheKey() {
        assertThatThrownBy(() -> ConfigLoader.create(env(Map.of("GOLISTO_SYNC_SYNC_PASS_RETRY_FIRST", "PT10M",
                "GOLISTO_SYNC_SYNC_PASS_RETRY_MAX", "PT1M"))).load(Optional.empty()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key).containsExactly("sync.pass-retry.max"));
    }

    private EngineOptions options(Map<String, String> extra) {
        RunnerConfig config = ConfigLoader.create(env(extra)).load(Optional.empty());
        return Guice.createInjector(new RunnerModule(config, null, false)).getInstance(EngineOptions.class);
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("GOLISTO_SYNC_STATE_DATA_DIR", dir.toString());
        return env;
    }
}
