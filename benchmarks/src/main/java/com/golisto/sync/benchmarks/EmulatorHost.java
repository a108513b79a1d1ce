package com.golisto.sync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child JVM of {@link RemoteEmulators}: starts {@link LocalEmulators} seeded with
 * {@code --products N [--seed S]}, prints one JSON line describing them, then answers one JSON command
 * per stdin line with one JSON line on stdout until {@code close} or end of input. Logs go to stderr.
 *
 * <p>Commands: {@code {"op":"counts"}}, {@code {"op":"reset"}}, {@code {"op":"advance","seconds":S}}, {@code {"op":"approve"}},
 * {@code {"op":"change","count":N,"sample":S}}, {@code {"op":"difference","changes":{...}|null}},
 * {@code {"op":"day_change","kind":"WEBHOOK","index":N,"serial":S}}, {@code {"op":"day_check"}},
 * {@code {"op":"close"}}. A failed command answers {@code {"error":"..."}}.
 */
public final class EmulatorHost {

    static final ObjectMapper JSON = new ObjectMapper();

    private EmulatorHost() {
    }

    /**
     * Runs the host.
     *
     * @param args {@code --products N [--seed S]}
     */
    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err);
        int products = 0;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--products" -> products = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        try (LocalEmulators emulators = LocalEmulators.start(products, seed)) {
            ObjectNode hello = JSON.createObjectNode();
            hello.put("shop_url", emulators.shopUrl().toString());
            hello.put("consumer_key", emulators.consumerKey());
            hello.put("consumer_secret", emulators.consumerSecret());
            hello.put("marketplace_url", emulators.marketplaceUrl().toString());
            hello.set("shape", JSON.valueToTree(emulators.shape()));
            hello.put("now", emulators.now().toString());
            protocol.println(hello);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode command = JSON.readTree(line);
                String op = command.path("op").asText();
                if (op.equals("close")) {
                    protocol.println("{}");
                    break;
                }
                protocol.println(answer(emulators, op, command));
            }
        }
    }

    private static JsonNode answer(LocalEmulators emulators, String op, JsonNode command) {
        ObjectNode reply = JSON.createObjectNode();
        try {
            switch (op) {
                case "counts" -> {
                    return JSON.valueToTree(emulators.counts());
                }
                case "reset" -> emulators.resetCounts();
                case "advance" -> emulators.advance(java.time.Duration.ofSeconds(command.path("seconds").asLong()));
                case "approve" -> reply.put("approved", emulators.approveAwaiting());
                case "change" -> {
                    return JSON.valueToTree(emulators.change(command.path("count").asInt(),
                            command.path("sample").asInt()));
                }
                case "difference" -> {
                    JsonNode changes = command.path("changes");
                    ChangeSet set = changes.isNull() || changes.isMissingNode() ? null
                            : JSON.treeToValue(changes, ChangeSet.class);
                    reply.put("difference", emulators.difference(set).orElse(null));
                }
                case "day_change" -> {
                    return JSON.valueToTree(emulators.dayChange(DayChange.Kind.valueOf(command.path("kind").asText()),
                            command.path("index").asInt(), command.path("serial").asInt()));
                }
                case "day_check" -> {
                    return JSON.valueToTree(emulators.dayCheck());
                }
                default -> reply.put("error", "unknown op " + op);
            }
        } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
            reply.put("error", e.toString());
        }
        return reply;
    }
}
