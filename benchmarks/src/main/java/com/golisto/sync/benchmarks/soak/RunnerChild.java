package com.golisto.sync.benchmarks.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The packaged runner's {@code serve} in a child process, launched as {@code bin/run} and the integration tests'
 * {@code RunnerProcess} launch it (the app-standalone jar and its {@code lib/} on the module path), restarted on
 * the same configuration and data folder after each {@code kill -9}. Its admin API is reached over loopback with
 * the admin token. Not thread-safe: the soak's one driving thread uses it.
 */
final class RunnerChild implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final Path jar;
    private final Path lib;
    private final Path workDir;
    private final Path config;
    private final URI base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private @Nullable Process process;
    private int starts;

    RunnerChild(Path jar, Path lib, Path workDir, Path config, int port, String token) {
        this.jar = jar;
        this.lib = lib;
        this.workDir = workDir;
        this.config = config;
        this.base = URI.create("http://127.0.0.1:" + port);
        this.token = token;
    }

    /** The runner's URL. */
    URI base() {
        return base;
    }

    /** Whether a runner process is alive. */
    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /**
     * Starts {@code serve} and waits for its "is serving on" line (the signal that it listens).
     *
     * @return how long from launch to serving
     */
    Duration start() throws IOException, InterruptedException {
        starts++;
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-XX:+ExitOnOutOfMemoryError", "--enable-native-access=org.jline.nativ",
                "-Dguice_bytecode_gen_option=DISABLED", "-Xmx256m", "-p", jar + File.pathSeparator + lib,
                "-m", "com.golisto.sync.app", "serve", "--config", config.toString()));
        Path out = workDir.resolve("runner-" + starts + ".out");
        Path err = workDir.resolve("runner-" + starts + ".err");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("GOLISTO_SYNC_"));
        long began = System.nanoTime();
        Process started = pb.start();
        process = started;
        long deadline = began + START_TIMEOUT.toNanos();
        while (!Files.readString(out, StandardCharsets.UTF_8).contains("is serving on")) {
            if (!started.isAlive()) {
                throw new IllegalStateException("runner start " + starts + " exited with " + started.exitValue()
                        + " before serving; see " + err);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("runner start " + starts + " did not serve within " + START_TIMEOUT
                        + "; see " + err);
            }
            Thread.sleep(20);
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    /** {@code kill -9} (SIGKILL), and waits until the process is gone. */
    void kill() throws InterruptedException {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("runner did not die of SIGKILL within 30 s");
        }
        process = null;
    }

    /**
     * Counts the runs every start of the runner logged as finished ({@code event=run_finished}), by
     * {@code "<kind> <status>"}, e.g. {@code "orders failed"}; a run a killed runner left behind shows as
     * {@code "<kind> failed"} once the next start marked it interrupted.
     */
    java.util.Map<String, Integer> finishedRuns() throws IOException {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        java.util.regex.Pattern finished = java.util.regex.Pattern.compile(
                "event=run_finished .*?kind=(\\S+) status=(\\S+)");
        for (int i = 1; i <= starts; i++) {
            Path err = workDir.resolve("runner-" + i + ".err");
            if (!Files.exists(err)) {
                continue;
            }
            try (java.util.stream.Stream<String> lines = Files.lines(err, StandardCharsets.UTF_8)) {
                lines.map(finished::matcher).filter(java.util.regex.Matcher::find)
                        .forEach(m -> counts.merge(m.group(1) + " " + m.group(2), 1, Integer::sum));
            }
        }
        return counts;
    }

    /** {@code GET} on the admin API; the JSON body of a 200, else an exception naming the status. */
    JsonNode get(String path) throws IOException, InterruptedException {
        Answer answer = send(HttpRequest.newBuilder(base.resolve(path)).GET());
        if (answer.status() != 200) {
            throw new IOException("GET " + path + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.body();
    }

    /** {@code POST} of a JSON body on the admin API. */
    Answer post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A plain browser {@code GET} (no token, no redirects followed): the connect flow's steps. */
    HttpResponse<String> browse(URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .timeout(CALL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode node;
        try {
            node = body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            node = JSON.getNodeFactory().textNode(body);
        }
        return new Answer(response.statusCode(), node);
    }

    /** Kills the process if it still runs; idempotent. */
    @Override
    public void close() throws InterruptedException {
        kill();
        http.close();
    }

    /**
     * An admin API answer.
     *
     * @param status the HTTP status
     * @param body the JSON body (a JSON null when empty)
     */
    record Answer(int status, JsonNode body) {
    }
}
