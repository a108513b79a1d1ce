package com.golisto.sync.app.cli;

import com.golisto.sync.app.config.InvalidConfigException;
import com.golisto.sync.app.logging.LogSetup;
import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.api.spi.SyncException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import picocli.CommandLine;

/**
 * Runs one command line: parses it with picocli, runs the command, prints errors as sentences (never
 * stack traces for expected failures) and returns the exit code. Tests build one with their own
 * environment and output streams.
 */
public final class Cli {
    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final BufferedReader in;

    private Cli(Map<String, String> env, BufferedReader in, PrintWriter out, PrintWriter err, boolean terminal) {
        this.env = Map.copyOf(env);
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /** The process's environment, standard output and error; progress bars when a console is attached. */
    public static Cli standard() {
        return new Cli(System.getenv(), new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                writer(System.out), writer(System.err), System.console() != null);
    }

    /**
     * A command line with its own environment and output (no terminal: plain progress lines).
     *
     * @param env the environment variables
     * @param out standard output
     * @param err standard error
     */
    public static Cli of(Map<String, String> env, PrintWriter out, PrintWriter err) {
        return of(env, new BufferedReader(new StringReader("")), out, err);
    }

    /**
     * A command line with its own environment, input (answers to confirmations) and output.
     *
     * @param env the environment variables
     * @param in standard input
     * @param out standard output
     * @param err standard error
     */
    public static Cli of(Map<String, String> env, BufferedReader in, PrintWriter out, PrintWriter err) {
        return new Cli(env, Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"),
                Objects.requireNonNull(err, "err"), false);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }

    /** The environment variables. */
    Map<String, String> env() {
        return env;
    }

    /** Standard output. */
    PrintWriter out() {
        return out;
    }

    /** Standard input, for confirmations. */
    BufferedReader in() {
        return in;
    }

    /** Standard error. */
    PrintWriter err() {
        return err;
    }

    /** Whether output goes to a terminal (progress bars) rather than a file or pipe (plain lines). */
    boolean terminal() {
        return terminal;
    }

    /** The picocli command line, for tests of parsing and help. */
    public CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand(this));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(e));
        cl.setExitCodeExceptionMapper(Cli::exitCodeOf);
        return cl;
    }

    /**
     * Runs a command line.
     *
     * @return the exit code: 0 success, 1 failure, 2 bad usage or configuration
     */
    public int run(String... args) {
        // the commands print their own story; the log stays quiet unless serving (or told otherwise)
        LogSetup.start(env, java.util.Arrays.asList(args).contains("serve"));
        try {
            return commandLine().execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int handle(Exception e) {
        Throwable cause = e;
        if (cause instanceof InvalidConfigException ice) {
            err.println(ice.getMessage());
            err.println("See docs/configuration.md for every key and its environment variable.");
        } else if (cause instanceof CommandFailedException || cause instanceof SyncException) {
            err.println("error: " + cause.getMessage());
        } else if (cause instanceof java.io.UncheckedIOException || cause instanceof IllegalStateException) {
            err.println("error: " + cause.getMessage());
        } else {
            err.println("error: " + cause);
            cause.printStackTrace(err);
        }
        err.flush();
        return exitCodeOf(cause);
    }

    static int exitCodeOf(Throwable e) {
        if (e instanceof InvalidConfigException || e instanceof UnknownStoreException
                || e instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        return ExitCodes.FAILURE;
    }
}
