package com.golisto.sync.app;

import com.golisto.sync.app.cli.Cli;

/**
 * Starts the Golisto Sync runner from the command line: {@code java -p app.jar:lib -m com.golisto.sync.app}.
 * Exit codes: 0 success, 1 failure, 2 bad usage or configuration.
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs one command and exits with its code.
     *
     * @param args the command line, e.g. {@code demo} or {@code sync my-shop --full}
     */
    public static void main(String[] args) {
        int code = Cli.standard().run(args);
        System.exit(code);
    }
}
