package com.golisto.sync.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged runner's {@code serve}, launched as {@code bin/run} launches it (the jar and {@code target/lib} on
 * the module path, {@code -m com.golisto.sync.app}) in a child process, with its admin API reached over loopback.
 * {@link #kill()} is SIGKILL: no shutdown hook, no {@code finally}, no buffered write gets its chance, as when the
 * machine loses power or the OOM killer strikes. Output goes to files in the work folder and is quoted in
 * assertion messages ({@link #logTail()}). Not thread-safe: one test thread drives it.
 */
final class RunnerProcess implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private final String name;
    private final Process process;
    private final URI base;
    private final String token;
    private final Path stdout;
    private final Path stderr;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private RunnerProcess(String name, Process process, URI base, String token, Path stdout, Path stderr) {
        this.name = name;
        this.process = process;
        this.base = base;
        this.token = token;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts {@code serve --config file} in {@code workDir} and waits until it says it serves.
     *
     * @param name names the output files ({@code runner-<name>.out/.err})
     * @param port the port the configuration file gives (the same across restarts: remotes know the URL)
     * @param token the admin token the configuration file gives
     */
    static RunnerProcess start(Path workDir, Path config, int port, String token, String name)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("gs.app.jar"));
        Path lib = Path.of(System.getProperty("gs.app.lib"));
        assertThat(jar).as("the packaged jar (built before the tests)").exists();
        List<String> command = ChildJvm.runnerCommand();
        command.addAll(List.of("-Xmx256m", "-p", jar + java.io.File.pathSeparator + lib,
                "-m", "com.golisto.sync.app", "serve", "--config", config.toString()));
        Path out = workDir.resolve("runner-" + name + ".out");
        Path err = workDir.resolve("runner-" + name + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GOLISTO_SYNC_"));
        Process process = pb.start();
        RunnerProcess runner = new RunnerProcess(name, process, URI.create("http://127.0.0.1:" + port), token, out, err);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!Files.readString(out).contains("is serving on")) {
            if (!process.isAlive()) {
                throw new AssertionError("runner " + name + " exited with " + process.exitValue() + " before serving"
                        + runner.logTail());
            }
            if (System.nanoTime() > deadline) {
                runner.close();
                throw new AssertionError("runner " + name + " did not serve within " + START_TIMEOUT + runner.logTail());
            }
            Thread.sleep(25);
        }
        return runner;
    }

    /** SIGKILL, and waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("runner %s died of SIGKILL", name).isTrue();
        // a process ended by a signal exits with 128 + the signal's number: 9 is SIGKILL, not SIGTERM's 15
        assertThat(process.exitValue()).as("runner %s's exit code: killed by SIGKILL", name).isEqualTo(128 + 9);
    }

    /**
     * SIGTERM ({@link Process#destroy()} on Linux), as systemd stops the service, and waits until the process is
     * gone (the runner drains for at most a minute).
     *
     * @return the exit code
     */
    int terminate() throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("runner %s stopped on SIGTERM%s", name, logTail()).isTrue();
        return process.exitValue();
    }

    /** Everything the runner logged (standard error) so far. */
    String log() throws IOException {
        return Files.readString(stderr, StandardCharsets.UTF_8);
    }

    /** {@code GET} on the admin API; the answer must be 200. */
    JsonNode get(String path) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (answer.status() != 200) {
            throw new AssertionError("GET " + path + " answered " + answer.status() + ": " + answer.body() + logTail());
        }
        return answer.body();
    }

    /** {@code POST} of a JSON body on the admin API. */
    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body.isEmpty() ? JSON.nullNode() : JSON.readTree(body));
    }

    /** The last lines the runner logged, for assertion messages. */
    String logTail() {
        return "\n--- runner " + name + " stdout\n" + tail(stdout, 2_000) + "\n--- runner " + name + " stderr\n"
                + tail(stderr, 6_000);
    }

    private static String tail(Path file, int chars) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() <= chars ? text : "..." + text.substring(text.length() - chars);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** Kills the process if it still runs; idempotent. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(15, TimeUnit.SECONDS);
        }
        http.close();
    }

    /** An admin API answer. */
    record Answer(int status, JsonNode body) {
    }
}
