package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.app.admin.AdminAuth;
import com.golisto.sync.app.http.EdgePolicy;
import com.golisto.sync.app.http.HttpLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP edge's keys: read from the file and the environment, defaulted, and checked by key. */
class EdgeConfigTest {
    @TempDir
    Path dir;

    @Test
    void load_noEdgeKeys_givesTheHttpLayersOwnDefaults() {
        EdgeConfig edge = ConfigLoader.create(Map.of()).load(Optional.empty()).server().edge();

        assertThat(edge).isEqualTo(EdgeConfig.defaults());
        assertThat(edge.maxHeaderBytes()).isEqualTo(8192).isEqualTo(HttpLimits.DEFAULT_REQUEST_HEADER_BYTES);
        assertThat(edge.maxBodyBytes()).isEqualTo(1_048_576).isEqualTo(HttpLimits.DEFAULT_MAX_BODY_BYTES);
        assertThat(edge.idleTimeout()).isEqualTo(Duration.ofSeconds(30)).isEqualTo(HttpLimits.DEFAULT_IDLE_TIMEOUT);
        assertThat(edge.minRequestBytesPerSecond()).isEqualTo(128)
                .isEqualTo(HttpLimits.DEFAULT_MIN_REQUEST_BYTES_PER_SECOND);
        EdgePolicy policy = EdgePolicy.of("127.0.0.1", null);
        assertThat(edge.allowedHosts()).isEmpty();
        assertThat(policy.extraHosts()).isEmpty();
        assertThat(edge.dashboardOpen()).isFalse().isEqualTo(policy.openDashboard());
        assertThat(edge.sessionLifetime()).isEqualTo(Duration.ofHours(12))
                .isEqualTo(AdminAuth.DEFAULT_SESSION_LIFETIME);
    }

    @Test
    void load_yamlFile_readsEveryEdgeKey() throws IOException {
        Path file = write("""
                server:
                  max-header-bytes: 16384
                  max-body-bytes: 4194304
                  idle-timeout: PT2M
                  min-request-bytes-per-second: 0
                  allowed-hosts: [Sync.Internal, "10.0.0.5", "[::1]", golisto_sync]
                  dashboard-open: true
                  session-lifetime: PT30M
                """);

        EdgeConfig edge = ConfigLoader.create(Map.of()).load(Optional.of(file)).server().edge();

        assertThat(edge).isEqualTo(new EdgeConfig(16_384, 4_194_304, Duration.ofMinutes(2), 0,
                List.of("sync.internal", "10.0.0.5", "::1", "golisto_sync"), true, Duration.ofMinutes(30)));
    }

    @Test
    void load_allowedHostsAsOneTextInTheFile_areSeparatedByCommas() throws IOException {
        Path file = write("server: { allowed-hosts: \"a.example, b.example,,A.example\" }\n");

        EdgeConfig edge = ConfigLoader.create(Map.of()).load(Optional.of(file)).server().edge();

        assertThat(edge.allowedHosts()).containsExactly("a.example", "b.example");
    }

    @Test
    void load_emptyAllowedHostsList_isNoExtraHost() throws IOException {
        Path file = write("server: { allowed-hosts: [] }\n");

        assertThat(ConfigLoader.create(Map.of()).load(Optional.of(file)).server().edge().allowedHosts()).isEmpty();
    }

    @Test
    void load_environmentVariables_readEveryEdgeKeyAndOverrideTheFile() throws IOException {
        Path file = write("server: { max-header-bytes: 2048, allowed-hosts: [file.example], dashboard-open: false }\n");
        Map<String, String> env = Map.of(
                "GOLISTO_SYNC_SERVER_MAX_HEADER_BYTES", "65536",
                "GOLISTO_SYNC_SERVER_MAX_BODY_BYTES", "1024",
                "GOLISTO_SYNC_SERVER_IDLE_TIMEOUT", "PT1H",
                "GOLISTO_SYNC_SERVER_MIN_REQUEST_BYTES_PER_SECOND", "1048576",
                "GOLISTO_SYNC_SERVER_ALLOWED_HOSTS", "proxy.internal, sync.example.org",
                "GOLISTO_SYNC_SERVER_DASHBOARD_OPEN", "TRUE",
                "GOLISTO_SYNC_SERVER_SESSION_LIFETIME", "P30D");

        EdgeConfig edge = ConfigLoader.create(env).load(Optional.of(file)).server().edge();

        assertThat(edge).isEqualTo(new EdgeConfig(65_536, 1024, Duration.ofHours(1), 1_048_576,
                List.of("proxy.internal", "sync.example.org"), true, Duration.ofDays(30)));
    }

    @Test
    void load_invalidEdgeValuesInTheFile_areEachReportedByKeyWithTheExpectedRange() throws IOException {
        Path file = write("""
                server:
                  max-header-bytes: 1023
                  max-body-bytes: 1MiB
                  idle-timeout: PT0S
                  min-request-bytes-per-second: -1
                  allowed-hosts: [ok.example, "https://sync.example.com"]
                  dashboard-open: sometimes
                  session-lifetime: P31D
                """);

        assertThat(problems(ConfigLoader.create(Map.of()), file)).containsExactlyInAnyOrder(
                "server.max-header-bytes: \"1023\" is out of range: expected a whole number of bytes from 1024 (1 KiB)"
                        + " to 65536 (64 KiB)",
                "server.max-body-bytes: \"1MiB\" is not a whole number of bytes from 1024 (1 KiB) to 67108864 (64 MiB)",
                "server.idle-timeout: \"PT0S\" is out of range: expected an ISO-8601 duration from PT1S to PT1H"
                        + " (e.g. PT30S)",
                "server.min-request-bytes-per-second: \"-1\" is out of range: expected a whole number of bytes per"
                        + " second from 0 (no check) to 1048576 (1 MiB)",
                "server.allowed-hosts: \"ok.example,https://sync.example.com\" holds \"https://sync.example.com\","
                        + " which is not a host name or IP address (no scheme, port, path or wildcard)",
                "server.dashboard-open: \"sometimes\" is not true or false",
                "server.session-lifetime: \"P31D\" is out of range: expected an ISO-8601 duration from PT1M to P30D"
                        + " (e.g. PT12H)");
    }

    @Test
    void load_valuesJustBeyondEachBound_areReportedByKey() throws IOException {
        Path file = write("""
                server:
                  max-header-bytes: 65537
                  max-body-bytes: 67108865
                  idle-timeout: PT1H0.001S
                  min-request-bytes-per-second: 1048577
                  session-lifetime: PT59S
                """);

        assertThat(problems(ConfigLoader.create(Map.of()), file)).extracting(p -> p.substring(0, p.indexOf(':')))
                .containsExactlyInAnyOrder("server.max-header-bytes", "server.max-body-bytes", "server.idle-timeout",
                        "server.min-request-bytes-per-second", "server.session-lifetime");
    }

    @Test
    void load_hostsThatAreNoHostNames_areRefusedOneByOne() {
        for (String bad : List.of("*.example.com", "sync.example.com:443", "sync.example.com/path", "two words",
                "-leading.example", "cafe:8080", "a".repeat(64) + ".example")) {
            Map<String, String> env = Map.of("GOLISTO_SYNC_SERVER_ALLOWED_HOSTS", "ok.example," + bad);

            assertThatThrownBy(() -> ConfigLoader.create(env).load(Optional.empty()))
                    .as(bad)
                    .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(p -> {
                                assertThat(p.key()).isEqualTo("server.allowed-hosts");
                                assertThat(p.message()).contains("(from GOLISTO_SYNC_SERVER_ALLOWED_HOSTS)")
                                        .contains("holds \"" + bad + "\", which is not a host name or IP address");
                            }));
        }
    }

    @Test
    void load_invalidEdgeValueFromTheEnvironment_namesTheKeyAndTheVariable() {
        Map<String, String> env = Map.of("GOLISTO_SYNC_SERVER_IDLE_TIMEOUT", "30s");

        assertThatThrownBy(() -> ConfigLoader.create(env).load(Optional.empty()))
                .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString)
                        .containsExactly("server.idle-timeout: \"30s\" (from GOLISTO_SYNC_SERVER_IDLE_TIMEOUT) is not"
                                + " an ISO-8601 duration from PT1S to PT1H (e.g. PT30S)"));
    }

    @Test
    void load_edgeKeysOfTheWrongShape_areTheWrongTypeWithTheExpectedOne() throws IOException {
        Path file = write("""
                server:
                  max-header-bytes: [8192]
                  dashboard-open: { yes: true }
                  allowed-hosts: [ok.example, [nested.example]]
                  session-lifetime: [PT1H]
                """);
        Path mapping = write("server: { allowed-hosts: { a: b.example } }\n");

        assertThat(problems(ConfigLoader.create(Map.of()), file)).containsExactlyInAnyOrder(
                "server.max-header-bytes: expected a whole number of bytes from 1024 (1 KiB) to 65536 (64 KiB),"
                        + " found a list",
                "server.dashboard-open: expected true or false, found a mapping",
                "server.allowed-hosts: expected a list of host names or IP addresses (in the environment, separated"
                        + " by commas), found a list holding lists or mappings",
                "server.session-lifetime: expected an ISO-8601 duration from PT1M to P30D (e.g. PT12H), found a list");
        assertThat(problems(ConfigLoader.create(Map.of()), mapping)).containsExactly(
                "server.allowed-hosts: expected a list of host names or IP addresses (in the environment, separated"
                        + " by commas), found a mapping");
    }

    @Test
    void edgeConfig_outOfRangeValues_areRefusedByTheRecordToo() {
        assertThatThrownBy(() -> new EdgeConfig(512, 1024, Duration.ofSeconds(1), 0, List.of(), false,
                Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxHeaderBytes");
        assertThatThrownBy(() -> new EdgeConfig(1024, 1024, Duration.ZERO, 0, List.of(), false,
                Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idleTimeout");
    }

    private static List<String> problems(ConfigLoader loader, Path file) {
        try {
            loader.load(Optional.of(file));
        } catch (InvalidConfigException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
        throw new AssertionError("expected problems in " + file);
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("config-" + System.nanoTime() + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
