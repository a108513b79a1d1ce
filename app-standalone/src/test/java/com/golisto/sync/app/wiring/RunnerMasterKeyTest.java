package com.golisto.sync.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.app.config.ConfigLoader;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.MasterKeyMissingException;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.SyncEngine;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner's master key: created on first start, never regenerated while stored secrets need the old one. */
class RunnerMasterKeyTest {

    @TempDir
    Path dir;

    @Test
    void missingKeyFile_withStoredSecrets_runnerRefusesToStartNamingTheFile_andWritesNoNewKey() throws Exception {
        RunnerConfig config = config();
        Path keyFile = config.state().masterKeyFile();
        Injector first = Guice.createInjector(new RunnerModule(config, null, false));
        String keyId = first.getInstance(MasterKey.class).id();
        try (SyncEngine engine = first.getInstance(SyncEngine.class)) {
            engine.registerStore(new StoreRegistration("shop-1", "woocommerce",
                    Map.of("url", "https://shop.example", "consumer-key", "ck_1234", "consumer-secret", "cs_5678"),
                    "golisto", Map.of()));
        }
        assertThat(keyFile).as("written on first start").exists();
        Files.delete(keyFile);

        Injector second = Guice.createInjector(new RunnerModule(config, null, false));

        assertThatThrownBy(() -> second.getInstance(SyncEngine.class))
                .isInstanceOf(ProvisionException.class)
                .cause().isInstanceOf(MasterKeyMissingException.class)
                .hasMessageContaining(keyFile.toString())
                .hasMessageContaining(keyId);
        assertThat(keyFile).as("no new key replaces the lost one").doesNotExist();
    }

    private RunnerConfig config() {
        return ConfigLoader.create(Map.of("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString(),
                "GOLISTO_SYNC_SERVER_PORT", "0")).load(Optional.empty());
    }
}
