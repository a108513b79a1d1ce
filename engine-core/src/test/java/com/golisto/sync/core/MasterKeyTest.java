package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {

    @TempDir
    Path dir;

    private static byte[] material(int fill) {
        byte[] bytes = new byte[MasterKey.LENGTH];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    @Test
    void of_wrongLength_isRefused() {
        assertThatThrownBy(() -> MasterKey.of(new byte[16]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void of_copiesTheMaterial() {
        byte[] bytes = material(7);
        MasterKey key = MasterKey.of(bytes);
        bytes[0] = 0;
        assertThat(key).isEqualTo(MasterKey.of(material(7)));
        assertThat(key).isNotEqualTo(MasterKey.of(material(8)));
    }

    @Test
    void id_isStableShortAndDiffersBetweenKeys() {
        MasterKey key = MasterKey.of(material(7));
        assertThat(key.id()).matches("[0-9a-f]{8}").isEqualTo(MasterKey.of(material(7)).id());
        assertThat(MasterKey.of(material(8)).id()).isNotEqualTo(key.id());
    }

    @Test
    void toString_showsOnlyTheId() {
        MasterKey key = MasterKey.of(material(0x41));
        assertThat(key.toString()).isEqualTo("MasterKey[id=" + key.id() + "]")
                .doesNotContain(Base64.getEncoder().encodeToString(material(0x41)))
                .doesNotContain("AAAA");
    }

    @Test
    void loadOrCreate_missingFile_writesNothingUntilWriteUnwritten_thenAnOwnerOnlyKeyFileThatReloads() throws Exception {
        Path file = dir.resolve("keys/master.key");

        MasterKey created = MasterKey.loadOrCreate(file);

        assertThat(file).as("written only once an engine found no stored secrets").doesNotExist();
        assertThat(created.unwrittenFile()).contains(file);

        MasterKey written = created.writeUnwritten();

        assertThat(written).isEqualTo(created);
        assertThat(written.unwrittenFile()).isEmpty();
        assertThat(file).exists();
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(MasterKey.LENGTH);
        assertThat(MasterKey.loadOrCreate(file)).isEqualTo(created);
        assertThat(MasterKey.loadOrCreate(file).unwrittenFile()).isEmpty();
        assertThat(MasterKey.fromFile(file)).isEqualTo(created);
    }

    @Test
    void writeUnwritten_fileWrittenMeanwhileByAnotherProcess_returnsTheKeyInTheFile() {
        Path file = dir.resolve("raced.key");
        MasterKey mine = MasterKey.loadOrCreate(file);
        MasterKey theirs = MasterKey.loadOrCreate(file).writeUnwritten();

        assertThat(mine.writeUnwritten()).isEqualTo(theirs).isNotEqualTo(mine);
    }

    @Test
    void generate_makesDifferentKeys() {
        assertThat(MasterKey.generate()).isNotEqualTo(MasterKey.generate());
    }

    @Test
    void fromFile_badContent_namesTheFileNotTheContent() throws Exception {
        Path notBase64 = dir.resolve("bad.key");
        Files.writeString(notBase64, "this-is-not*base64!", StandardCharsets.US_ASCII);
        Path tooShort = dir.resolve("short.key");
        Files.writeString(tooShort, Base64.getEncoder().encodeToString(new byte[]{1, 2, 3}));

        assertThatThrownBy(() -> MasterKey.fromFile(notBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bad.key").hasMessageNotContaining("this-is-not");
        assertThatThrownBy(() -> MasterKey.fromFile(tooShort))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("short.key").hasMessageContaining("32");
        assertThatThrownBy(() -> MasterKey.fromFile(dir.resolve("missing.key")))
                .hasMessageContaining("missing.key");
    }
}
