package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/configuration.md documents every key the loader accepts, with its environment variable. */
class ConfigurationDocsTest {
    @TempDir
    Path dir;

    @Test
    void configurationDoc_namesEveryKeyAndItsEnvironmentVariable() throws Exception {
        String doc = doc();

        assertThat(ConfigKey.ALL).allSatisfy(key -> {
            assertThat(doc).contains("| `" + key.name() + "` |");
            assertThat(doc).contains("`" + key.envVar() + "`");
        });
    }

    @Test
    void configurationDoc_completeFileExample_loads() throws Exception {
        String doc = doc();
        int section = doc.indexOf("## A complete file");
        int start = doc.indexOf("```yaml\n", section) + "```yaml\n".length();
        Path file = dir.resolve("example.yaml");
        Files.writeString(file, doc.substring(start, doc.indexOf("```", start)));

        RunnerConfig config = ConfigLoader.create(Map.of()).load(Optional.of(file));

        assertThat(config.server().edge().allowedHosts()).containsExactly("sync.internal", "10.0.0.5");
        assertThat(config.stores()).extracting(StoreConfig::id).containsExactly("my-shop");
    }

    private static String doc() throws Exception {
        return Files.readString(Path.of(System.getProperty("gs.repo.root"), "docs", "configuration.md"));
    }
}
