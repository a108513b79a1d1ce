package com.golisto.sync.app;

import java.util.ArrayList;
import java.util.List;

/**
 * The command that starts a packaged runner the way the launchers do, with the JDK this test runs on:
 * {@code --sun-misc-unsafe-memory-access=allow} only where the JDK has it (23 and newer; a JDK 21 refuses to
 * start with it), as {@code bin/run} and the archive's launcher decide.
 */
final class ChildJvm {

    private ChildJvm() {}

    /** The java binary of this JVM and the launchers' JVM options, ready for the runner's own arguments. */
    static List<String> runnerCommand() {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("--enable-native-access=org.jline.nativ", "-Dguice_bytecode_gen_option=DISABLED"));
        return command;
    }
}
