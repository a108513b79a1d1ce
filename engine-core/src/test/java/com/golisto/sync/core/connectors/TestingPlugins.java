package com.golisto.sync.core.connectors;

import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.core.connectors.testing.TestingConnectorProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Packages the testing connector the two ways a real connector jar is deployed, without a jar: as a
 * class-path plugin (an unnamed module with {@code META-INF/services}) and as a named module that
 * {@code provides} the service in a child {@link ModuleLayer}. Its classes are copied byte for byte from
 * the test classes, so what ServiceLoader instantiates is a different class from the one the tests see
 * (it is defined by the plugin's own loader).
 */
final class TestingPlugins {

    static final String PACKAGE = TestingConnectorProvider.class.getPackageName();
    static final List<String> CLASSES = List.of("TestingConnectorProvider", "TestingConnector",
            "TestingConnector$EmptyCatalog");
    static final String SERVICE_FILE = "META-INF/services/" + ConnectorProvider.class.getName();

    private TestingPlugins() {
    }

    /** A class loader like a plugin directory on the class path: child-first for the testing package. */
    static ClassLoader classPathPlugin(Path dir) throws IOException {
        Path services = dir.resolve(SERVICE_FILE);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "# the testing connector\n" + TestingConnectorProvider.class.getName() + "\n");
        URL serviceUrl = services.toUri().toURL();
        Map<String, byte[]> classes = classBytes();
        return new ClassLoader("testing-plugin", TestingPlugins.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    byte[] bytes = classes.get(name);
                    if (bytes == null) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : defineClass(name, bytes, 0, bytes.length);
                }
            }

            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return SERVICE_FILE.equals(name)
                        ? Collections.enumeration(List.of(serviceUrl)) : super.getResources(name);
            }
        };
    }

    /** A child layer of the SPI's layer holding module {@code gs.testing.connector} that provides the service. */
    static ModuleLayer modulePlugin() {
        String moduleName = "gs.testing.connector";
        ModuleDescriptor descriptor = ModuleDescriptor.newModule(moduleName)
                .requires(ConnectorProvider.class.getModule().getName())
                .packages(Set.of(PACKAGE))
                .provides(ConnectorProvider.class.getName(), List.of(TestingConnectorProvider.class.getName()))
                .build();
        Map<String, byte[]> classes = classBytes();
        ModuleReference reference = new ModuleReference(descriptor, URI.create("memory:///" + moduleName)) {
            @Override
            public ModuleReader open() {
                return new ModuleReader() {
                    @Override
                    public Optional<URI> find(String name) {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<InputStream> open(String name) {
                        String className = name.endsWith(".class")
                                ? name.substring(0, name.length() - 6).replace('/', '.') : null;
                        return Optional.ofNullable(className == null ? null : classes.get(className))
                                .map(ByteArrayInputStream::new);
                    }

                    @Override
                    public Stream<String> list() {
                        return classes.keySet().stream().map(c -> c.replace('.', '/') + ".class");
                    }

                    @Override
                    public void close() {
                        // in memory
                    }
                };
            }
        };
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return moduleName.equals(name) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(reference);
            }
        };
        ModuleLayer parent = ConnectorProvider.class.getModule().getLayer();
        if (parent == null) {
            parent = ModuleLayer.boot();
        }
        Configuration configuration = parent.configuration()
                .resolve(finder, ModuleFinder.of(), Set.of(moduleName));
        return parent.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    private static Map<String, byte[]> classBytes() {
        Map<String, byte[]> classes = new java.util.HashMap<>();
        for (String simpleName : CLASSES) {
            try (InputStream in = TestingConnectorProvider.class.getResourceAsStream(simpleName + ".class")) {
                if (in == null) {
                    throw new IllegalStateException("test class file missing: " + simpleName);
                }
                classes.put(PACKAGE + "." + simpleName, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return classes;
    }
}
