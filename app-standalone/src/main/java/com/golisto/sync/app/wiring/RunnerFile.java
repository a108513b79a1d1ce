package com.golisto.sync.app.wiring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code <data-dir>/runner.json}: written (owner-only) by a runner when it starts serving, removed when it stops
 * cleanly. It tells the CLI which runner serves this data folder: its loopback URL, its instance id (which the
 * runner also answers on {@code /healthz}, header {@value #INSTANCE_HEADER}) and its process id. The CLI trusts a
 * URL only when the process is alive and the URL answers with the same instance id; a file left by a crash is
 * stale and ignored.
 *
 * @param url where the runner listens, reachable from this machine
 * @param instanceId the runner's random id, new at every start
 * @param pid the runner's process id
 */
public record RunnerFile(URI url, String instanceId, long pid) {
    /** The file's name in the data folder. */
    public static final String NAME = "runner.json";
    /** The {@code /healthz} response header carrying the runner's instance id. */
    public static final String INSTANCE_HEADER = com.golisto.sync.app.http.OpsRoutes.INSTANCE_HEADER;

    private static final ObjectMapper JSON = new ObjectMapper();

    public RunnerFile {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(instanceId, "instanceId");
        if (instanceId.isBlank()) {
            throw new IllegalArgumentException("instanceId is blank");
        }
    }

    /** The file in this data folder. */
    public static Path in(Path dataDir) {
        return dataDir.resolve(NAME);
    }

    /**
     * Reads the file of this data folder.
     *
     * @return empty when there is none, or it cannot be read or parsed (as good as none)
     */
    public static Optional<RunnerFile> read(Path dataDir) {
        try {
            JsonNode node = JSON.readTree(Files.readString(in(dataDir), StandardCharsets.UTF_8));
            return Optional.of(new RunnerFile(URI.create(node.path("url").asText()), node.path("instanceId").asText(),
                    node.path("pid").asLong(-1)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether the process that wrote the file still runs (on this machine). */
    public boolean processAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Writes this file into the data folder, owner-only, atomically replacing an older one. */
    void write(Path dataDir) {
        Path target = in(dataDir);
        Path tmp = target.resolveSibling(NAME + ".tmp");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url.toString());
        body.put("instanceId", instanceId);
        body.put("pid", pid);
        try {
            Files.deleteIfExists(tmp);
            if (tmp.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, JSON.writeValueAsString(body) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Removes the data folder's file if it is still this runner's (another runner may have written its own). */
    void removeIfOurs(Path dataDir) {
        if (read(dataDir).filter(f -> f.instanceId().equals(instanceId)).isPresent()) {
            try {
                Files.deleteIfExists(in(dataDir));
            } catch (IOException e) {
                // a stale file is ignored by the CLI (its process is gone), so leaving it is harmless
            }
        }
    }
}
