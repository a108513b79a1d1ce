package com.golisto.sync.app.plugins;

import com.golisto.sync.api.spi.ConnectorProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds small plugin jars in tests: compiles a module's sources with the JDK's javac against engine-api (and any
 * further jars), and packs the classes into a modular jar.
 */
final class PluginJars {
    private PluginJars() {
    }

    /** Where engine-api's classes are (its jar or its classes folder). */
    static Path engineApi() {
        try {
            return Path.of(ConnectorProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A provider's source: a connector whose descriptor is {@code descriptor} (Java expression) and whose
     * {@code open} is never called.
     *
     * @param pkg the package
     * @param className the class
     * @param id the connector's id
     * @param descriptor a Java expression of type {@code ConnectorDescriptor}
     * @param constructorBody statements of the public no-argument constructor
     */
    static String provider(String pkg, String className, String id, String descriptor, String constructorBody) {
        return """
                package %s;

                import com.golisto.sync.api.spi.*;
                import java.util.*;

                public final class %s implements ConnectorProvider {
                    public %s() {
                        %s
                    }

                    @Override
                    public String id() {
                        return "%s";
                    }

                    @Override
                    public ConnectorDescriptor descriptor() {
                        return %s;
                    }

                    @Override
                    public Connector open(Settings settings, ConnectorContext context) {
                        throw new UnsupportedOperationException("a test plugin");
                    }
                }
                """.formatted(pkg, className, className, constructorBody, id, descriptor);
    }

    /** A shop connector's descriptor expression, built for this SPI. */
    static String shopDescriptor(String id, String displayName, String version) {
        return shopDescriptor(id, displayName, version, "SpiVersion.CURRENT");
    }

    /** A shop connector's descriptor expression, built for the SPI version {@code spiVersion} (a Java expression). */
    static String shopDescriptor(String id, String displayName, String version, String spiVersion) {
        return "new ConnectorDescriptor(\"" + id + "\", " + displayName + ", \"" + version + "\", " + spiVersion
                + ", Set.of(Capability.CATALOG_SOURCE), List.of())";
    }

    /**
     * Compiles one module and packs it as {@code jar}.
     *
     * @param work a scratch folder
     * @param jar the jar to write
     * @param sources path inside the module (e.g. {@code module-info.java}, {@code a/b/C.java}) to source
     * @param modulePath further jars the module needs to compile (engine-api is always there)
     * @return the jar
     */
    static Path module(Path work, Path jar, Map<String, String> sources, List<Path> modulePath) {
        try {
            Path src = Files.createTempDirectory(work, "src");
            Path classes = Files.createTempDirectory(work, "classes");
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "21", "-proc:none",
                    "-nowarn", "--module-path", Stream.concat(Stream.of(engineApi()), modulePath.stream())
                            .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
                args.add(file.toString());
            }
            StringWriter out = new StringWriter();
            ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow();
            int rc = javac.run(new PrintWriter(out), new PrintWriter(out), args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("javac failed:\n" + out);
            }
            Files.createDirectories(jar.getParent());
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, manifest);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, jos);
                    jos.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module-info that provides the connector {@code providerClass}. */
    static String moduleInfo(String module, String providerClass, String... requires) {
        StringBuilder s = new StringBuilder("module " + module + " {\n    requires com.golisto.sync.api;\n");
        for (String r : requires) {
            s.append("    requires ").append(r).append(";\n");
        }
        return s.append("    provides com.golisto.sync.api.spi.ConnectorProvider with ").append(providerClass)
                .append(";\n}\n").toString();
    }
}
