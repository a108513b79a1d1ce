package com.golisto.sync.api.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import com.golisto.sync.api.annotations.Nullable;

/**
 * The project's dependency rules, checked over the sources of every module: the module-info
 * {@code requires} directives and the imports of main (not test) code.
 *
 * <ul>
 *   <li>engine-api needs nothing but the JDK: it requires {@code java.*} modules only, not even an
 *       annotation library at compile time (it has its own nullness annotations);</li>
 *   <li>connectors, and the connector TCK, depend on engine-api only, among our modules;</li>
 *   <li>engine-core never names a connector (nor the sandbox);</li>
 *   <li>the sandbox emulates remotes independently: it uses none of our modules;</li>
 *   <li>the runner (app-standalone) holds no emulator code: it never requires or imports the sandbox or the
 *       demo; app-demo brings both to the demo launch;</li>
 *   <li>integration-tests is test code only: no main sources, no module-info;</li>
 *   <li>Guice lives in app-standalone only;</li>
 *   <li>every module is a named, non-open module.</li>
 * </ul>
 */
final class ArchitectureRules {

    static final List<String> MODULES = List.of(
            "engine-api", "engine-core", "connector-woocommerce", "connector-golisto", "connector-tck", "sandbox",
            "app-standalone", "app-demo", "benchmarks");

    /** Modules of test code only (Failsafe's end-to-end tests): they have no {@code src/main} at all. */
    static final List<String> TEST_ONLY = List.of("integration-tests");

    private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
    private static final Pattern REQUIRES = Pattern.compile("\\brequires\\s+((?:static\\s+|transitive\\s+)*)([\\w.]+)\\s*;");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?:static\\s+)?([\\w.]+)");
    private static final Pattern OPEN_MODULE = Pattern.compile("\\bopen\\s+module\\b");

    /** Our module names that each Maven module may require (others: any third-party module). */
    private static final Map<String, List<String>> ALLOWED_OWN = Map.of(
            "engine-api", List.of(),
            "engine-core", List.of("com.golisto.sync.api"),
            "connector-woocommerce", List.of("com.golisto.sync.api"),
            "connector-golisto", List.of("com.golisto.sync.api"),
            "connector-tck", List.of("com.golisto.sync.api"),
            "sandbox", List.of(),
            "app-standalone", List.of("com.golisto.sync.api", "com.golisto.sync.core",
                    "com.golisto.sync.connector.woocommerce", "com.golisto.sync.connector.golisto"),
            "app-demo", List.of("*"),
            "benchmarks", List.of("*"));

    private ArchitectureRules() {}

    /** Every broken rule under this repository root, one sentence each; empty when all hold. */
    static List<String> violations(Path root) {
        List<String> violations = new ArrayList<>();
        for (String module : TEST_ONLY) {
            if (Files.exists(root.resolve(module).resolve("src/main"))) {
                violations.add(module + " has src/main: it is test code only (*IT classes under src/test)");
            }
        }
        for (String module : MODULES) {
            Path info = root.resolve(module).resolve("src/main/java/module-info.java");
            if (!Files.isRegularFile(info)) {
                violations.add(module + " has no module-info.java: every module is a named JPMS module");
                continue;
            }
            String source = COMMENTS.matcher(read(info)).replaceAll("");
            if (OPEN_MODULE.matcher(source).find()) {
                violations.add(module + " is an open module: open single packages to the modules that need them");
            }
            Matcher requires = REQUIRES.matcher(source);
            while (requires.find()) {
                String required = requires.group(2);
                String problem = requiresProblem(module, required);
                if (problem != null) {
                    violations.add(module + " requires " + required + ": " + problem);
                }
            }
            for (Path file : javaSources(root.resolve(module).resolve("src/main/java"))) {
                Matcher imports = IMPORT.matcher(COMMENTS.matcher(read(file)).replaceAll(""));
                while (imports.find()) {
                    String problem = importProblem(module, imports.group(1));
                    if (problem != null) {
                        violations.add(root.relativize(file) + " imports " + imports.group(1) + ": " + problem);
                    }
                }
            }
        }
        for (Path file : javaSources(root.resolve("engine-core/src/test/java"))) {
            Matcher imports = IMPORT.matcher(COMMENTS.matcher(read(file)).replaceAll(""));
            while (imports.find()) {
                String imported = imports.group(1);
                if (imported.startsWith("com.golisto.sync.") && !imported.startsWith("com.golisto.sync.api.")
                        && !imported.startsWith("com.golisto.sync.core")) {
                    violations.add(root.relativize(file) + " imports " + imported + ": engine-core is tested alone, "
                            + "with its own fake connectors; end-to-end tests live in integration-tests");
                }
            }
        }
        return violations;
    }

    private static @Nullable String requiresProblem(String module, String required) {
        if (module.equals("engine-api") && !required.startsWith("java.")) {
            return "engine-api depends on nothing but the JDK";
        }
        if (required.equals("com.google.guice") && !module.equals("app-standalone")) {
            return "Guice lives in app-standalone only";
        }
        if (required.startsWith("com.golisto.sync.")) {
            List<String> allowed = ALLOWED_OWN.getOrDefault(module, List.of());
            if (!allowed.contains("*") && !allowed.contains(required)) {
                return module + " may depend on " + (allowed.isEmpty() ? "none of our modules" : allowed) + " only";
            }
        }
        return null;
    }

    private static @Nullable String importProblem(String module, String imported) {
        if (imported.startsWith("com.google.inject") && !module.equals("app-standalone")) {
            return "Guice lives in app-standalone only";
        }
        if (module.equals("engine-api") && !(imported.startsWith("java.") || imported.startsWith("javax.")
                || imported.startsWith("com.golisto.sync.api."))) {
            return "engine-api depends on nothing but the JDK";
        }
        if (module.equals("app-standalone") && (imported.startsWith("com.golisto.sync.sandbox.")
                || imported.startsWith("com.golisto.sync.demo."))) {
            return "the runner's installation holds no emulator code: the demo and the emulators live in app-demo";
        }
        boolean ours = imported.startsWith("com.golisto.sync.");
        if (ours && (module.startsWith("connector-") || module.equals("engine-core") || module.equals("sandbox"))) {
            boolean allowed = switch (module) {
                case "sandbox" -> imported.startsWith("com.golisto.sync.sandbox.");
                case "engine-core" -> imported.startsWith("com.golisto.sync.api.") || imported.startsWith("com.golisto.sync.core");
                default -> imported.startsWith("com.golisto.sync.api.") || imported.startsWith(ownPackage(module));
            };
            if (!allowed) {
                return module + " must not use this module's code";
            }
        }
        return null;
    }

    private static String ownPackage(String module) {
        if (module.equals("connector-tck")) {
            return "com.golisto.sync.tck.";
        }
        return "com.golisto.sync.connector." + module.substring("connector-".length()) + ".";
    }

    private static List<Path> javaSources(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
