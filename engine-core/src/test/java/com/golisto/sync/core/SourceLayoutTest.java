package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house style the engine's sources keep (see STYLE.md): no class over 400 lines, a
 * {@code package-info.java} in every package, Javadoc on every type of the exported facade package.
 */
class SourceLayoutTest {

    private static final Path MAIN = Path.of("src", "main", "java");
    private static final int MAX_LINES = 400;
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^public (final |abstract |sealed )*(class|interface|record|enum) ", Pattern.MULTILINE);

    @Test
    void everyMainSourceFile_isAtMost400Lines() throws IOException {
        for (Path file : javaFiles()) {
            assertThat(Files.readAllLines(file)).as(file.toString()).hasSizeLessThanOrEqualTo(MAX_LINES);
        }
    }

    @Test
    void everyPackage_hasAPackageInfo() throws IOException {
        List<Path> packages = javaFiles().stream().map(Path::getParent).distinct()
                .filter(dir -> !dir.equals(MAIN)).toList();
        assertThat(packages).hasSizeGreaterThan(5)
                .allSatisfy(dir -> assertThat(dir.resolve("package-info.java")).isRegularFile());
    }

    @Test
    void everyPublicTypeOfTheFacade_hasJavadoc() throws IOException {
        List<Path> facade = javaFiles().stream()
                .filter(f -> f.getParent().equals(MAIN.resolve(Path.of("com", "golisto", "sync", "core"))))
                .filter(f -> !f.getFileName().toString().equals("package-info.java")).toList();
        assertThat(facade).hasSizeGreaterThan(10);
        for (Path file : facade) {
            String source = Files.readString(file);
            var type = PUBLIC_TYPE.matcher(source);
            assertThat(type.find()).as(file + " declares a public type").isTrue();
            String before = source.substring(0, type.start()).replaceAll("(?m)^@.*\\R", "").stripTrailing();
            assertThat(before).as(file + " has Javadoc on its type").endsWith("*/");
        }
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> !f.endsWith("module-info.java"))
                    .sorted().toList();
        }
    }
}
