package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md documents every key the loader accepts, with its environment variable. */
class ConfigurationDocsTest {
    @Test
    void configurationDoc_namesEveryKeyAndItsEnvironmentVariable() throws Exception {
        String doc = Files.readString(Path.of(System.getProperty("gs.repo.root"), "docs", "configuration.md"));

        assertThat(ConfigKey.ALL).allSatisfy(key -> {
            assertThat(doc).contains("| `" + key.name() + "` |");
            assertThat(doc).contains("`" + key.envVar() + "`");
        });
    }
}
