package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.app.logging.LogFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code log.*} keys: unset by default, set by the file or the environment, bad values named. */
class LogConfigTest {
    @TempDir
    Path dir;

    @Test
    void load_noLogKeys_leavesLevelAndFormatToTheCommand() {
        assertThat(ConfigLoader.create(Map.of()).load(Optional.empty()).log()).isEqualTo(LogConfig.defaults());
    }

    @Test
    void load_fileAndEnvironment_setFormatAndLevel() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "log: { format: JSON }\n");

        LogConfig log = ConfigLoader.create(Map.of("GOLISTO_SYNC_LOG_LEVEL", "debug")).load(Optional.of(file)).log();

        assertThat(log).isEqualTo(new LogConfig("DEBUG", LogFormat.JSON));
    }

    @Test
    void load_unknownFormatOrLevel_namesTheKeys() throws Exception {
        Path file = Files.writeString(dir.resolve("c.yaml"), "log: { format: xml, level: loud }\n");

        assertThatThrownBy(() -> ConfigLoader.create(Map.of()).load(Optional.of(file)))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("log.format").hasMessageContaining("text or json")
                .hasMessageContaining("log.level").hasMessageContaining("TRACE, DEBUG, INFO, WARN, ERROR or OFF");
    }
}
