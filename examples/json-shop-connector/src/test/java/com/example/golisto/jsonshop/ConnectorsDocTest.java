package com.example.golisto.jsonshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * docs/connectors.md quotes this example's real code: every fenced block preceded by
 * {@code <!-- from: path/from/the/repository/root -->} must appear verbatim in that file, and every Java block of
 * the page must carry such a mark. When an excerpt and its file part ways, this fails naming both.
 */
class ConnectorsDocTest {
    private static final Path REPO = Path.of("").toAbsolutePath().resolve("../..").normalize();
    private static final Path DOC = REPO.resolve("docs/connectors.md");
    private static final Pattern FENCE = Pattern.compile("(?:<!-- from: (\\S+) -->\\n)?```(\\w*)\\n(.*?)\\n```",
            Pattern.DOTALL);

    /** A fenced block of the page: its language, its text and the file it says it quotes, if any. */
    private record Block(String language, String text, String from) {
    }

    private static List<Block> blocks() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(REPO.resolve("engine-api/pom.xml")),
                "the example is built outside the Golisto Sync repository: no docs/connectors.md to check");
        assertThat(DOC).as("the connector author's guide").isRegularFile();
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(Files.readString(DOC));
        while (m.find()) {
            blocks.add(new Block(m.group(2), m.group(3), m.group(1) == null ? "" : m.group(1)));
        }
        return blocks;
    }

    @Test
    void everyMarkedExcerpt_appearsVerbatimInItsFile() throws IOException {
        List<Block> marked = blocks().stream().filter(b -> !b.from().isEmpty()).toList();

        assertThat(marked).as("the page quotes the example's code").hasSizeGreaterThanOrEqualTo(8);
        for (Block block : marked) {
            Path file = REPO.resolve(block.from());
            assertThat(file).as("the file an excerpt of docs/connectors.md is marked from").isRegularFile();
            assertThat(Files.readString(file)).as("docs/connectors.md quotes %s:%n%s", block.from(), block.text())
                    .contains(block.text());
        }
    }

    @Test
    void everyJavaBlock_isMarkedWithItsFile() throws IOException {
        assertThat(blocks()).filteredOn(b -> b.language().equals("java"))
                .as("Java blocks of docs/connectors.md carry <!-- from: file --> so that they are checked")
                .allSatisfy(b -> assertThat(b.from()).as(b.text()).isNotEmpty());
    }
}
