package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.app.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged runner stopped as a service manager stops it: a real SIGTERM to the child process. It drains (HTTP
 * closed, the engine closed within the bounded drain), removes its {@code runner.json}, and exits 0. While it
 * serves, the CLI finds it through the data folder's {@code runner.json}, and what it created is owner-only.
 */
class GracefulStopIT {
    private static final String TOKEN = "graceful-stop-admin-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void serve_sigterm_drainsRemovesItsRunnerFileAndExits0() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path data = dir.resolve("data");
        Path config = dir.resolve("golisto-sync.yaml");
        Files.writeString(config, """
                server:
                  host: 127.0.0.1
                  port: %d
                  admin-token: "%s"
                state:
                  data-dir: "%s"
                """.formatted(port, TOKEN, data));
        try (RunnerProcess runner = RunnerProcess.start(dir, config, port, TOKEN, "graceful")) {
            Path runnerFile = data.resolve("runner.json");
            assertThat(runnerFile).as("written when serving").exists();
            assertThat(Files.readString(runnerFile)).contains("\"url\":\"http://127.0.0.1:" + port + "\"")
                    .contains("\"instanceId\":").contains("\"pid\":");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int listed = Cli.of(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true))
                    .run("stores", "list", "--config", config.toString());
            assertThat(listed).as(err.toString()).isZero();
            assertThat(err.toString()).contains("going through its admin API at http://127.0.0.1:" + port);
            if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
                assertThat(perms(data)).isEqualTo("rwx------");
                assertThat(perms(runnerFile)).isEqualTo("rw-------");
                assertThat(perms(data.resolve("master.key"))).isEqualTo("rw-------");
            } else {
                System.out.println("GracefulStopIT: no POSIX permissions on " + data + ": permissions not checked");
            }

            int code = runner.terminate();

            assertThat(code).as("exit code after SIGTERM%s", runner.logTail()).isZero();
            assertThat(runner.log()).contains("event=runner_draining").contains("event=runner_drained")
                    .contains("event=runner_stopped").doesNotContain("event=runner_drain_timeout");
            assertThat(runnerFile).as("removed on a clean stop").doesNotExist();
        }
    }

    private static String perms(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }
}
