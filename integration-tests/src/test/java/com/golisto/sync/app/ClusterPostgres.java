package com.golisto.sync.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for the runner processes of a test, the way engine-core's state-store tests get one
 * ({@code com.golisto.sync.core.store.TestingPostgres}, whose rule this repeats in the few lines a process test
 * needs): the server named by system property {@code gs.test.postgres.url} (or environment variable
 * {@code GS_TEST_POSTGRES_URL}), or else a throwaway cluster: {@code initdb} into a temporary folder,
 * {@code pg_ctl -w start} on 127.0.0.1 on a port the OS picked, durability off, run as user {@code postgres}
 * through {@code runuser} when the JVM is root (PostgreSQL refuses root). The binaries are looked for on the PATH,
 * then in {@code /usr/lib/postgresql/<version>/bin}, newest first. {@code pg_ctl -w} returns when the server
 * accepts connections: no sleeping.
 *
 * <p>Each test gets a schema of its own ({@link #createSchema()}, dropped by {@link #close()}); when PostgreSQL
 * cannot be had, {@link #start()} skips the calling test with the reason, also printed on standard error.
 */
final class ClusterPostgres implements AutoCloseable {
    private static final String HINT = "bin/test installs it as root with apt-get";
    private static final String SUPERUSER = "gs";
    private static final long STEP_SECONDS = 120;

    private final String baseUrl;
    private final Optional<Path> clusterDir;
    private final List<String> runAs;
    private final Optional<Path> bin;
    private final List<String> schemas = new ArrayList<>();

    private ClusterPostgres(String baseUrl, Optional<Path> clusterDir, List<String> runAs, Optional<Path> bin) {
        this.baseUrl = baseUrl;
        this.clusterDir = clusterDir;
        this.runAs = runAs;
        this.bin = bin;
    }

    /** The given server, or a throwaway cluster started now; skips the calling test when there is none. */
    static ClusterPostgres start() throws InterruptedException {
        String given = System.getProperty("gs.test.postgres.url", System.getenv("GS_TEST_POSTGRES_URL"));
        if (given != null && !given.isBlank()) {
            return new ClusterPostgres(given, Optional.empty(), List.of(), Optional.empty());
        }
        Optional<Path> bin = binaries();
        skipUnless(bin.isPresent(), "no initdb found (PATH, /usr/lib/postgresql/*/bin); " + HINT);
        Path dir;
        List<String> runAs;
        try {
            dir = Files.createTempDirectory("gs-cluster-postgres-");
            runAs = ownedByPostgres(dir);
        } catch (IOException e) {
            skipUnless(false, e.getMessage());
            throw new AssertionError(e);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ClusterPostgres server = new ClusterPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER,
                Optional.of(dir), runAs, bin);
        try {
            server.run("initdb", "-D", dir.resolve("data").toString(), "-U", SUPERUSER, "-A", "trust", "-E", "UTF8",
                    "--locale=C", "--no-sync");
            server.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(), "-w",
                    "-t", String.valueOf(STEP_SECONDS), "-o", "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
        } catch (IOException e) {
            server.close();
            skipUnless(false, e.getMessage());
        }
        return server;
    }

    private static void skipUnless(boolean available, String reason) {
        if (!available) {
            System.err.println("ClusterFailoverIT SKIPPED: PostgreSQL not available: " + reason);
        }
        assumeTrue(available, "PostgreSQL not available: " + reason);
    }

    /** A fresh empty schema; the URL whose connections work in it (the runners' {@code state.jdbc-url}). */
    String createSchema() throws SQLException {
        String schema = "gs_cluster_" + ProcessHandle.current().pid() + "_" + (schemas.size() + 1);
        execute("CREATE SCHEMA " + schema);
        schemas.add(schema);
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Opens a connection in the schema a {@link #createSchema()} URL names. */
    static Connection connect(String schemaUrl) throws SQLException {
        return DriverManager.getConnection(schemaUrl);
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Drops the schemas made here, and stops and deletes a throwaway cluster. */
    @Override
    public void close() {
        try {
            if (clusterDir.isEmpty()) {
                for (String schema : schemas) {
                    execute("DROP SCHEMA " + schema + " CASCADE");
                }
                return;
            }
            Path dir = clusterDir.get();
            if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
            }
        } catch (IOException | SQLException e) {
            System.err.println("ClusterFailoverIT: could not clean PostgreSQL up: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clusterDir.ifPresent(ClusterPostgres::delete);
        }
    }

    /** When the JVM is root, the folder becomes user postgres's and the programs run as that user. */
    private static List<String> ownedByPostgres(Path dir) throws IOException {
        if (((Integer) Files.getAttribute(dir, "unix:uid")) != 0) {
            return List.of();
        }
        UserPrincipal postgres;
        try {
            postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        } catch (UserPrincipalNotFoundException e) {
            delete(dir);
            throw new IOException("PostgreSQL refuses to run as root and there is no user postgres; " + HINT, e);
        }
        Files.setOwner(dir, postgres);
        if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
            return List.of("runuser", "-u", "postgres", "--");
        }
        return List.of("su", "postgres", "-s", "/bin/sh", "-c");
    }

    private static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path initdb = Path.of(entry.isEmpty() ? "." : entry, "initdb");
            if (!entry.isEmpty() && Files.isExecutable(initdb)) {
                try {
                    candidates.add(initdb.toRealPath().getParent());
                } catch (IOException e) {
                    // a dangling link: look further
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin")).sorted(Comparator.comparingInt(ClusterPostgres::version).reversed())
                        .forEach(candidates::add);
            } catch (IOException e) {
                // unreadable: nothing found there
            }
        }
        return candidates.stream()
                .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                .findFirst();
    }

    private static int version(Path bin) {
        String name = bin.getParent().getFileName().toString();
        return name.matches("\\d+") ? Integer.parseInt(name) : 0;
    }

    /** Runs one of the PostgreSQL programs to its end, as the cluster's user; fails with its output. */
    private void run(String program, String... args) throws IOException, InterruptedException {
        Path dir = clusterDir.orElseThrow();
        List<String> command = new ArrayList<>();
        command.add(bin.orElseThrow().resolve(program).toString());
        command.addAll(List.of(args));
        List<String> full = new ArrayList<>(runAs);
        if (!runAs.isEmpty() && runAs.get(0).equals("su")) {
            full.add(String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList()));
        } else {
            full.addAll(command);
        }
        Path output = Files.createTempFile("gs-cluster-postgres-" + program + "-", ".log");
        try {
            // in the cluster's folder: the postgres user may not enter the JVM's working directory
            Process process = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(STEP_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + STEP_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(program + " failed (exit " + process.exitValue() + "): "
                        + tail(Files.readString(output, StandardCharsets.UTF_8)));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 600 ? trimmed : "..." + trimmed.substring(trimmed.length() - 600);
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is not worth failing the run for
        }
    }
}
