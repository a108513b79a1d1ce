package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokensTest {
    @TempDir
    Path dir;

    @Test
    void resolve_noTokenConfigured_generatesOneOnceAndKeepsItOwnerOnly() throws Exception {
        RunnerConfig config = config(Map.of());

        AdminTokens.Resolved first = AdminTokens.resolve(config);
        AdminTokens.Resolved second = AdminTokens.resolve(config);

        assertThat(first.generated()).isTrue();
        assertThat(first.token().reveal()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(second.generated()).isFalse();
        assertThat(second.token()).isEqualTo(first.token());
        assertThat(Files.getPosixFilePermissions(first.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.toString()).doesNotContain(first.token().reveal());
    }

    @Test
    void resolve_tokenConfigured_usesItAndWritesNothing() {
        RunnerConfig config = config(Map.of("GOLISTO_SYNC_SERVER_ADMIN_TOKEN", "configured-token-0123456789"));

        AdminTokens.Resolved resolved = AdminTokens.resolve(config);

        assertThat(resolved.generated()).isFalse();
        assertThat(resolved.token()).isEqualTo(Secret.of("configured-token-0123456789"));
        assertThat(config.state().adminTokenFile()).doesNotExist();
    }

    @Test
    void rotate_replacesTheKeptToken() {
        RunnerConfig config = config(Map.of());
        Secret before = AdminTokens.resolve(config).token();

        Secret rotated = AdminTokens.rotate(config.state().adminTokenFile());

        assertThat(rotated).isNotEqualTo(before);
        assertThat(AdminTokens.resolve(config).token()).isEqualTo(rotated);
    }

    private RunnerConfig config(Map<String, String> extra) {
        Map<String, String> env = new java.util.HashMap<>(extra);
        env.put("GOLISTO_SYNC_STATE_DATA_DIR", dir.resolve("data").toString());
        return ConfigLoader.create(env).load(Optional.empty());
    }
}
