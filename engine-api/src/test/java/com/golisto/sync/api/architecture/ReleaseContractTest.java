package com.golisto.sync.api.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What hosts and connector authors are promised about versions (docs/compatibility.md): the BOM names every
 * published artifact at the project's version, and a binary-incompatible change japicmp lets through is
 * declared in the docs as well as in engine-api's POM.
 */
class ReleaseContractTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    /** Modules that are not published for others to depend on. */
    private static final Set<String> UNPUBLISHED = Set.of("bom", "app-demo", "benchmarks", "integration-tests");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern BOM_ENTRY = Pattern.compile(
            "<artifactId>([^<]+)</artifactId>\\s*<version>([^<]+)</version>");

    @Test
    void bom_listsEveryPublishedModule_atTheProjectsVersion() throws IOException {
        String root = Files.readString(REPO.resolve("pom.xml"));
        String version = firstVersion(root);
        String bom = Files.readString(REPO.resolve("bom/pom.xml"));
        assertThat(firstVersion(bom.replaceFirst("(?s)<dependencyManagement>.*", ""))).as("the BOM's own version")
                .isEqualTo(version);
        List<String> published = new ArrayList<>();
        Matcher modules = MODULE.matcher(root.replaceAll("(?s)<!--.*?-->", ""));
        while (modules.find()) {
            String module = modules.group(1);
            if (!UNPUBLISHED.contains(module) && !module.startsWith("examples/")) {
                published.add(artifactId(Files.readString(REPO.resolve(module).resolve("pom.xml"))));
            }
        }
        List<String> listed = new ArrayList<>();
        Matcher entries = BOM_ENTRY.matcher(bom.substring(bom.indexOf("<dependencyManagement>")));
        while (entries.find()) {
            listed.add(entries.group(1));
            assertThat(entries.group(2)).as("version of " + entries.group(1) + " in the BOM").isEqualTo(version);
        }
        assertThat(listed).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void japicmpExcludes_equalTheIncompatibleChangesDeclaredInTheDocs() throws IOException {
        String pom = Files.readString(REPO.resolve("engine-api/pom.xml"));
        String excludesBlock = pom.substring(pom.indexOf("<excludes>"), pom.indexOf("</excludes>"));
        List<String> inPom = new ArrayList<>();
        Matcher excludes = Pattern.compile("<exclude>([^<]+)</exclude>").matcher(excludesBlock);
        while (excludes.find()) {
            inPom.add(excludes.group(1).trim());
        }
        String doc = Files.readString(REPO.resolve("docs/compatibility.md"));
        int marker = doc.indexOf("<!-- japicmp-declared");
        assertThat(marker).as("docs/compatibility.md has the declared-changes table").isNotNegative();
        List<String> inDocs = new ArrayList<>();
        for (String line : doc.substring(marker).split("\n")) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = Pattern.compile("^\\| `([^`]+)` \\|").matcher(line);
            if (row.find()) {
                inDocs.add(row.group(1));
            }
        }
        assertThat(inPom).as("japicmp excludes in engine-api/pom.xml").containsExactlyInAnyOrderElementsOf(inDocs);
        assertThat(REPO.resolve("engine-api/src/japicmp/engine-api-spi-1.0.jar")).as("the stored baseline").exists();
    }

    private static String firstVersion(String pom) {
        String withoutParent = pom.replaceFirst("(?s)<parent>.*?</parent>", "");
        Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(withoutParent);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static String artifactId(String pom) {
        Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>")
                .matcher(pom.replaceFirst("(?s)<parent>.*?</parent>", ""));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
