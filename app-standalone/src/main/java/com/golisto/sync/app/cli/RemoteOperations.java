package com.golisto.sync.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.golisto.sync.app.admin.ApiJson;
import com.golisto.sync.app.admin.ProductRoutes;
import com.golisto.sync.app.admin.Views;
import com.golisto.sync.app.config.AdminTokens;
import com.golisto.sync.app.config.RunnerConfig;
import com.golisto.sync.app.wiring.RunnerFile;
import com.golisto.sync.core.SyncMode;
import com.golisto.sync.core.UnknownStoreException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@link Operations} through the admin API of a runner serving on the same state store, with the admin
 * token from the configuration or the data folder. Status is the runner's view (it polls Golisto itself).
 */
final class RemoteOperations implements Operations {
    private final URI base;
    private final RunnerConfig config;
    private @Nullable String token;
    private final HttpClient http;
    private final ApiJson json = new ApiJson();

    private RemoteOperations(URI base, RunnerConfig config) {
        this.base = base;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    }

    /**
     * The runner serving the configuration's data folder, if one does: {@code <data-dir>/runner.json} names its URL,
     * instance id and process ({@link RunnerFile}); the process must be alive and the URL's {@code /healthz} must
     * answer that instance id (within a second). Only then is the admin token ever sent there. Whatever else
     * listens on a port (another program, another runner) is not taken for this data folder's runner.
     *
     * @return empty when no runner serves this data folder (no file, or a stale one)
     */
    static Optional<RemoteOperations> find(RunnerConfig config) {
        Optional<RunnerFile> file = RunnerFile.read(config.state().dataDir());
        if (file.isEmpty() || !file.get().processAlive()) {
            return Optional.empty();
        }
        RemoteOperations remote = new RemoteOperations(file.get().url(), config);
        if (remote.answersAs(file.get().instanceId())) {
            return Optional.of(remote);
        }
        remote.close();
        return Optional.empty();
    }

    /** Whether {@code /healthz} answers 200 with this instance id (no token is sent). */
    private boolean answersAs(String instanceId) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(base.resolve("/healthz")).timeout(Duration.ofSeconds(1))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200
                    && r.headers().firstValue(RunnerFile.INSTANCE_HEADER).filter(instanceId::equals).isPresent();
        } catch (IOException | IllegalArgumentException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public List<Views.Store> stores() {
        List<Views.Store> all = new ArrayList<>();
        String cursor = null;
        do {
            Views.Stores page = call("GET", "/api/stores?limit=200" + cursorParam(cursor), null, Views.Stores.class);
            all.addAll(page.stores());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Override
    public Views.StoreDetail store(String id) {
        return call("GET", "/api/stores/" + seg(id), null, Views.StoreDetail.class);
    }

    @Override
    public Views.Store add(String id, Map<String, String> wooSettings) {
        Map<String, Object> woo = new LinkedHashMap<>();
        wooSettings.forEach((k, v) -> woo.put(k.replace('-', '_'), v));
        return call("POST", "/api/stores", Map.of("id", id, "woocommerce", woo), Views.Store.class);
    }

    @Override
    public Views.ConnectLink connect(String id) {
        return call("POST", "/api/stores/" + seg(id) + "/connect", null, Views.ConnectLink.class);
    }

    @Override
    public Views.Store status(String id) {
        Views.StoreDetail d = store(id);
        return new Views.Store(d.id(), d.shopConnector(), d.marketplaceConnector(), d.status(), d.accountId(),
                d.statusReason(), d.shopCredentialsPresent(), d.updatedAt());
    }

    @Override
    public ProductRoutes.Explanation explain(String id, String productId) {
        return call("GET", "/api/stores/" + seg(id) + "/products/" + seg(productId), null,
                ProductRoutes.Explanation.class);
    }

    @Override
    public long startSync(String id, SyncMode mode) {
        return call("POST", "/api/stores/" + seg(id) + "/sync",
                Map.of("mode", mode == SyncMode.FULL ? "full" : "incremental"), Views.RunStarted.class).runId();
    }

    @Override
    public long startDryRun(String id) {
        return call("POST", "/api/stores/" + seg(id) + "/sync", Map.of("mode", "full", "dry_run", true),
                Views.RunStarted.class).runId();
    }

    @Override
    public Views.DryRun dryRunReport(String id) {
        return call("GET", "/api/stores/" + seg(id) + "/dry-run", null, Views.DryRun.class);
    }

    @Override
    public Views.Run awaitRun(long runId, Duration wait) throws InterruptedException {
        Instant until = Instant.now().plus(wait);
        while (true) {
            Views.Run run = call("GET", "/api/runs/" + runId, null, Views.Run.class);
            if (!run.status().equals("running") || !Instant.now().isBefore(until)) {
                return run;
            }
            // polling a remote runner for progress; not a schedule wait
            Thread.sleep(Math.min(250, Math.max(1, Duration.between(Instant.now(), until).toMillis())));
        }
    }

    @Override
    public Views.Store disconnect(String id) {
        return call("POST", "/api/stores/" + seg(id) + "/disconnect", null, Views.Store.class);
    }

    @Override
    public List<Views.DeadLetter> deadLetters() {
        List<Views.DeadLetter> all = new ArrayList<>();
        String cursor = null;
        do {
            Views.DeadLetters page = call("GET", "/api/dead-letters?limit=200" + cursorParam(cursor), null,
                    Views.DeadLetters.class);
            all.addAll(page.deadLetters());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    @Override
    public void remove(String id) {
        call("DELETE", "/api/stores/" + seg(id), null, null);
    }

    @Override
    public List<Views.Run> runs(String id, @Nullable String kind, @Nullable String status, @Nullable Instant since,
                                int limit) {
        List<Views.Run> all = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=" + Math.min(200, limit - all.size()) + (kind == null ? "" : "&kind=" + seg(kind))
                    + (status == null ? "" : "&status=" + seg(status)) + (since == null ? "" : "&since=" + since)
                    + cursorParam(cursor);
            Views.Runs page = call("GET", "/api/stores/" + seg(id) + "/runs" + query, null, Views.Runs.class);
            all.addAll(page.runs());
            cursor = page.nextCursor();
        } while (cursor != null && all.size() < limit);
        return all;
    }

    private static String cursorParam(@Nullable String cursor) {
        return cursor == null ? "" : "&cursor=" + seg(cursor);
    }

    @Override
    public Views.Run replay(long deadLetterId) {
        return call("POST", "/api/dead-letters/" + deadLetterId + "/replay", null, Views.Run.class);
    }

    @Override
    public String where() {
        return base.toString();
    }

    @Override
    public void close() {
        http.close();
    }

    @SuppressWarnings("NullAway") // a null answer type only for 204 answers, whose result is ignored
    private <T> T call(String method, String path, @Nullable Object body, @Nullable Class<T> answer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token())
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new CommandFailedException("the serving runner at " + base + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailedException("interrupted");
        }
        if (response.statusCode() >= 400) {
            String code = "error";
            String message = "HTTP " + response.statusCode();
            try {
                JsonNode error = new ObjectMapper().readTree(response.body()).path("error");
                code = error.path("code").asText(code);
                message = error.path("message").asText(message);
            } catch (IOException e) {
                // keep the status line
            }
            if (code.equals("not_found")) {
                throw new UnknownStoreException(message);
            }
            throw new CommandFailedException(message + " (" + code + ")");
        }
        if (answer == null) {
            return null;
        }
        return json.readAnswer(response.body(), answer);
    }

    /** The admin token, read when first needed (the serving runner created it when it was generated). */
    private synchronized String token() {
        if (token == null) {
            token = AdminTokens.resolve(config).token().reveal();
        }
        return token;
    }

    private static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
