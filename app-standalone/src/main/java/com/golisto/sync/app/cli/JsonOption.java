package com.golisto.sync.app.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --json} option of the commands that print data: one JSON document on standard output, the same
 * shapes (snake_case) the admin API answers with; messages for people go to standard error then.
 */
final class JsonOption {
    @Option(names = "--json", description = "Print the result as one JSON document (the admin API's shapes).")
    boolean json;
}
