package com.golisto.sync.core.store;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The PostgreSQL server of the state-store tests: the one named by system property
 * {@code gs.test.postgres.url} (or environment variable {@code GS_TEST_POSTGRES_URL}), e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=gs}, or else a throwaway cluster of its own.
 *
 * <p>The throwaway cluster is started on first use, once per test JVM, and shared by every test class:
 * {@code initdb} into a temporary folder, {@code pg_ctl start} listening on 127.0.0.1 only, on a port the
 * OS picked, with its unix socket in the same folder and durability off (a test cluster needs no fsync).
 * {@code pg_ctl -w} returns when the server accepts connections and {@code pg_isready} confirms it: no
 * sleeping. PostgreSQL refuses to run as root, so a JVM running as root runs the binaries as user
 * {@code postgres} (created by Debian's package) through {@code runuser}, and hands it the folder. The
 * binaries are looked for on the PATH, then in {@code /usr/lib/postgresql/<version>/bin} (newest first).
 *
 * <p>It is one value in the JUnit root context's store ({@link Extension} resolves it): JUnit closes it
 * when the whole test run ends, which stops the cluster and deletes its folder; a shutdown hook does the
 * same should the JVM end otherwise. When PostgreSQL cannot be had, {@link #baseUrl()} skips the calling
 * test with the reason (so the skip shows in every report) and prints the reason once on standard error.
 */
final class TestingPostgres implements AutoCloseable {

    static final String URL_PROPERTY = "gs.test.postgres.url";
    private static final String URL_VARIABLE = "GS_TEST_POSTGRES_URL";
    private static final String HINT = "bin/test installs it as root with apt-get";
    private static final String SUPERUSER = "gs";
    private static final long STEP_SECONDS = 120;
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    private boolean tried;
    private @Nullable String baseUrl;
    private String unavailable = "PostgreSQL not started";
    private @Nullable Cluster cluster;
    private @Nullable Thread hook;

    /** The server's URL (its {@code postgres} database, as a superuser); skips the calling test when there is none. */
    synchronized String baseUrl() {
        if (!tried) {
            tried = true;
            start();
            if (baseUrl == null) {
                // once per run, beside the per-test skip reasons in the reports
                System.err.println("PostgreSQL store tests SKIPPED: " + unavailable);
            }
        }
        assumeTrue(baseUrl != null, unavailable);
        return baseUrl;
    }

    /** Creates an empty schema and answers a URL whose connections work in it. */
    String createSchema() throws SQLException {
        String base = baseUrl();
        String schema = "gs_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute(base, "CREATE SCHEMA " + schema);
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops a schema {@link #createSchema()} made, given its URL. */
    void dropSchema(String schemaUrl) throws SQLException {
        String schema = schemaUrl.substring(schemaUrl.lastIndexOf("currentSchema=") + "currentSchema=".length());
        execute(baseUrl(), "DROP SCHEMA " + schema + " CASCADE");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private void start() {
        String given = System.getProperty(URL_PROPERTY, System.getenv(URL_VARIABLE));
        if (given != null && !given.isBlank()) {
            baseUrl = given;
            return;
        }
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            unavailable = "PostgreSQL not available: no initdb found (PATH, /usr/lib/postgresql/*/bin); " + HINT;
            return;
        }
        try {
            Cluster started = Cluster.start(bin.get());
            cluster = started;
            baseUrl = started.url();
            Thread backstop = new Thread(started::stop, "testing-postgres-stop");
            Runtime.getRuntime().addShutdownHook(backstop);
            hook = backstop;
        } catch (IOException | RuntimeException e) {
            unavailable = "PostgreSQL not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable = "PostgreSQL not available: interrupted while starting it";
        }
    }

    /** Stops the throwaway cluster, if one was started, and deletes its folder. Idempotent. */
    @Override
    public synchronized void close() {
        Cluster running = cluster;
        cluster = null;
        baseUrl = null;
        unavailable = "PostgreSQL was stopped";
        if (running == null) {
            return;
        }
        running.stop();
        Thread backstop = hook;
        if (backstop != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(backstop);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs, and finds the cluster stopped
            }
        }
    }

    /** The folder with initdb and pg_ctl: the PATH first, then Debian's versioned folders, newest first. */
    private static Optional<Path> binaries() {
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                Path initdb = Path.of(entry, "initdb");
                if (Files.isExecutable(initdb)) {
                    try {
                        candidates.add(initdb.toRealPath().getParent());
                    } catch (IOException e) {
                        // a dangling link: look further
                    }
                }
            }
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparingInt(TestingPostgres::version).reversed())
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

    /** Resolves {@link TestingPostgres} parameters to the one shared by the whole test run. */
    static final class Extension implements ParameterResolver {

        private static final ExtensionContext.Namespace NAMESPACE =
                ExtensionContext.Namespace.create(TestingPostgres.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestingPostgres.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // the root context's store: one server for the run, closed (stopped) by JUnit when the run ends
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(TestingPostgres.class, k -> new TestingPostgres(), TestingPostgres.class);
        }
    }

    /** A running throwaway cluster. */
    private record Cluster(Path dir, List<String> runAs, Path bin, int port) {

        static Cluster start(Path bin) throws IOException, InterruptedException {
            Path dir = Files.createTempDirectory("gs-postgres-");
            List<String> runAs = List.of();
            if (((Integer) Files.getAttribute(dir, "unix:uid")) == 0) {
                // PostgreSQL refuses to run as root: the folder becomes the postgres user's, and so do the processes
                UserPrincipal postgres;
                try {
                    postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                } catch (UserPrincipalNotFoundException e) {
                    delete(dir);
                    throw new IOException("PostgreSQL refuses to run as root and there is no user postgres to run"
                            + " it as; " + HINT, e);
                }
                Files.setOwner(dir, postgres);
                runAs = Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))
                        ? List.of("runuser", "-u", "postgres", "--")
                        : List.of("su", "postgres", "-s", "/bin/sh", "-c");
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            Cluster cluster = new Cluster(dir, runAs, bin, port);
            try {
                cluster.run("initdb", "-D", dir.resolve("data").toString(), "-U", SUPERUSER, "-A", "trust",
                        "-E", "UTF8", "--locale=C", "--no-sync");
                cluster.run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("server.log").toString(),
                        "-w", "-t", String.valueOf(STEP_SECONDS), "-o",
                        "-c listen_addresses=127.0.0.1 -p " + port + " -k " + dir
                                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
                cluster.run("pg_isready", "-h", "127.0.0.1", "-p", String.valueOf(port), "-d", "postgres",
                        "-U", SUPERUSER);
                return cluster;
            } catch (IOException | RuntimeException | InterruptedException e) {
                cluster.stop();
                throw e;
            }
        }

        String url() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + SUPERUSER;
        }

        void stop() {
            if (!Files.isDirectory(dir)) {
                return;
            }
            try {
                if (Files.exists(dir.resolve("data").resolve("postmaster.pid"))) {
                    run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
                }
            } catch (IOException | RuntimeException e) {
                // deleting the folder is still worth it; the server, if any, dies with its data folder's lock
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                delete(dir);
            }
        }

        /** Runs one of the PostgreSQL programs to its end, as the cluster's user; fails with its output. */
        private void run(String program, String... args) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>();
            command.add(bin.resolve(program).toString());
            command.addAll(List.of(args));
            List<String> full = new ArrayList<>(runAs);
            if (!runAs.isEmpty() && runAs.get(0).equals("su")) {
                full.add(String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList()));
            } else {
                full.addAll(command);
            }
            Path output = Files.createTempFile("gs-postgres-" + program + "-", ".log");
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
                            + tail(Files.readString(output, StandardCharsets.UTF_8))
                            + logTail());
                }
            } finally {
                Files.deleteIfExists(output);
            }
        }

        private String logTail() {
            Path log = dir.resolve("server.log");
            try {
                return Files.exists(log) ? "; server log: " + tail(Files.readString(log, StandardCharsets.UTF_8)) : "";
            } catch (IOException e) {
                return "";
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
}
