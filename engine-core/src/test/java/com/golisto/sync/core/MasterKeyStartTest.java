package com.golisto.sync.core;

import static com.golisto.sync.core.testing.EngineHarness.STORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.core.testing.EngineHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting with a missing master key file: a new key only for a state store that holds no secrets. */
class MasterKeyStartTest {

    @TempDir(factory = TestingTempDirs.class)
    Path dir;

    EngineHarness h;
    Path keyFile;

    @BeforeEach
    void create() {
        h = EngineHarness.create();
        keyFile = dir.resolve("master.key");
    }

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void firstStart_noStoredSecrets_writesTheNewKeyFileAndSealsWithIt() {
        MasterKey key = MasterKey.loadOrCreate(keyFile);

        h.open(key);
        h.register(STORE);

        assertThat(keyFile).exists();
        assertThat(MasterKey.fromFile(keyFile)).isEqualTo(key);
        h.closeEngine();
        h.open(MasterKey.loadOrCreate(keyFile));
        assertThat(h.engine().store(STORE)).isPresent();
    }

    @Test
    void missingKeyFile_storedSecrets_refusesToStartNamingTheFileAndKey_andGeneratesNoKey() throws Exception {
        MasterKey original = MasterKey.loadOrCreate(keyFile);
        h.open(original);
        h.register(STORE);
        h.closeEngine();
        String backup = Files.readString(keyFile);
        Files.delete(keyFile);

        assertThatThrownBy(() -> h.open(MasterKey.loadOrCreate(keyFile)))
                .isInstanceOfSatisfying(MasterKeyMissingException.class, e -> {
                    assertThat(e.keyFile()).isEqualTo(keyFile);
                    assertThat(e.sealedWith()).containsExactly(original.id());
                })
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining("restore")
                .hasMessageContaining(original.id());
        assertThat(keyFile).as("no new key replaces the lost one").doesNotExist();

        Files.writeString(keyFile, backup);
        h.open(MasterKey.loadOrCreate(keyFile));
        assertThat(h.engine().store(STORE).orElseThrow().shopCredentialsPresent())
                .as("the restored key reads the stored secrets").isTrue();
    }
}
