package com.golisto.sync.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The emulators in a child JVM ({@link EmulatorHost}) with its own heap, driven over its stdin and stdout
 * one JSON line at a time. The engine under test then shares its JVM with nothing but the benchmark's
 * bookkeeping, so the heap measured is the engine's. Not thread-safe (one command at a time).
 */
final class RemoteEmulators implements Emulators {

    private final Process process;
    private final BufferedReader replies;
    private final PrintWriter commands;
    private final URI shopUrl;
    private final String consumerKey;
    private final String consumerSecret;
    private final URI marketplaceUrl;
    private final CatalogShape shape;
    private java.time.Instant now;

    private RemoteEmulators(Process process) throws IOException {
        this.process = process;
        this.replies = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.commands = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        String hello = replies.readLine();
        if (hello == null) {
            throw new IllegalStateException("the emulator JVM ended before it was ready (see its output above)");
        }
        JsonNode node = EmulatorHost.JSON.readTree(hello);
        this.shopUrl = URI.create(node.path("shop_url").asText());
        this.consumerKey = node.path("consumer_key").asText();
        this.consumerSecret = node.path("consumer_secret").asText();
        this.marketplaceUrl = URI.create(node.path("marketplace_url").asText());
        this.shape = EmulatorHost.JSON.treeToValue(node.path("shape"), CatalogShape.class);
        this.now = java.time.Instant.parse(node.path("now").asText());
    }

    /**
     * Starts the emulators in a new JVM on this JVM's module path and waits until they are seeded.
     *
     * @param products the catalog size
     * @param seed the catalog generator's seed
     * @param heap the child's {@code -Xmx}, e.g. {@code 4g}
     */
    static RemoteEmulators start(int products, long seed, String heap) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String modulePath = System.getProperty("jdk.module.path");
        if (modulePath == null || modulePath.isBlank()) {
            throw new IllegalStateException("run the benchmark on the module path (java -p ... -m ...)");
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap));
        if (Runtime.version().feature() >= 23) {
            // the JDK 23+ option bin/bench passes too; a JDK 21 refuses to start with it
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-p", modulePath, "-m", "com.golisto.sync.benchmarks/" + EmulatorHost.class.getName(),
                "--products", Integer.toString(products), "--seed", Long.toString(seed)));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new RemoteEmulators(process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the emulator JVM", e);
        }
    }

    @Override
    public URI shopUrl() {
        return shopUrl;
    }

    @Override
    public String consumerKey() {
        return consumerKey;
    }

    @Override
    public String consumerSecret() {
        return consumerSecret;
    }

    @Override
    public URI marketplaceUrl() {
        return marketplaceUrl;
    }

    @Override
    public CatalogShape shape() {
        return shape;
    }

    @Override
    public RequestCounts counts() {
        JsonNode reply = call(command("counts"));
        TypeReference<Map<String, Long>> type = new TypeReference<>() { };
        return new RequestCounts(EmulatorHost.JSON.convertValue(reply.path("shop"), type),
                EmulatorHost.JSON.convertValue(reply.path("marketplace"), type));
    }

    @Override
    public void resetCounts() {
        call(command("reset"));
    }

    @Override
    public java.time.Instant now() {
        return now;
    }

    @Override
    public void advance(java.time.Duration amount) {
        call(command("advance").put("seconds", amount.toSeconds()));
        now = now.plusSeconds(amount.toSeconds());
    }

    @Override
    public int approveAwaiting() {
        return call(command("approve")).path("approved").asInt();
    }

    @Override
    public ChangeSet change(int count, int sample) {
        ObjectNode command = command("change");
        command.put("count", count);
        command.put("sample", sample);
        return convert(call(command), ChangeSet.class);
    }

    @Override
    public DayChange dayChange(DayChange.Kind kind, int index, int serial) {
        ObjectNode command = command("day_change");
        command.put("kind", kind.name());
        command.put("index", index);
        command.put("serial", serial);
        return convert(call(command), DayChange.class);
    }

    @Override
    public DayCheck dayCheck() {
        return convert(call(command("day_check")), DayCheck.class);
    }

    @Override
    public Optional<String> difference(@Nullable ChangeSet changes) {
        ObjectNode command = command("difference");
        command.set("changes", EmulatorHost.JSON.valueToTree(changes));
        JsonNode difference = call(command).path("difference");
        return difference.isNull() || difference.isMissingNode() ? Optional.empty() : Optional.of(difference.asText());
    }

    @Override
    public void close() {
        try {
            commands.println(command("close"));
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (process.isAlive()) {
                process.destroy();
            }
        }
    }

    private static ObjectNode command(String op) {
        return EmulatorHost.JSON.createObjectNode().put("op", op);
    }

    private JsonNode call(ObjectNode command) {
        try {
            commands.println(command);
            String line = replies.readLine();
            if (line == null) {
                throw new IllegalStateException("the emulator JVM ended (see its output above)");
            }
            JsonNode reply = EmulatorHost.JSON.readTree(line);
            if (reply.has("error")) {
                throw new IllegalStateException("emulator host: " + reply.path("error").asText());
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException("emulator host unreachable", e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return EmulatorHost.JSON.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("emulator host answered an unreadable " + type.getSimpleName(), e);
        }
    }
}
