package com.golisto.sync.app.config;

import com.golisto.sync.api.spi.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the admin API's bearer token: the configured one, else the one kept in the data folder, else a
 * new one, generated from {@link SecureRandom} and written there with owner-only permissions so that it
 * stays the same across restarts. The caller prints a generated token once; it is never logged.
 */
public final class AdminTokens {
    private static final int TOKEN_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private AdminTokens() {
    }

    /**
     * The token in effect.
     *
     * @param token the token
     * @param generated whether it was generated just now (print it once, then never again)
     * @param file where a generated token is kept; {@code null} when the token is configured
     */
    public record Resolved(Secret token, boolean generated, @Nullable Path file) {
        public Resolved {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Resolved[generated=" + generated + ", file=" + file + "]";
        }
    }

    /**
     * Resolves the token for this configuration, creating the data folder and the token file if needed.
     *
     * @throws UncheckedIOException when the token file cannot be read or written
     */
    public static Resolved resolve(RunnerConfig config) {
        if (config.server().configuredAdminToken().isPresent()) {
            return new Resolved(config.server().configuredAdminToken().get(), false, null);
        }
        Path file = config.state().adminTokenFile();
        try {
            if (Files.exists(file)) {
                return new Resolved(read(file), false, file);
            }
            DataFolder.ensureOwnerOnly(Objects.requireNonNull(file.toAbsolutePath().getParent(), "parent"));
            String token = generate();
            try {
                writeOwnerOnly(file, token);
            } catch (FileAlreadyExistsException raced) {
                return new Resolved(read(file), false, file);
            }
            return new Resolved(Secret.of(token), true, file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the admin token in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the kept token with a new one (rotation). Takes effect when the runner restarts.
     *
     * @return the new token, to print once
     */
    public static Secret rotate(Path file) {
        try {
            DataFolder.ensureOwnerOnly(Objects.requireNonNull(file.toAbsolutePath().getParent(), "parent"));
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            String token = generate();
            writeOwnerOnly(tmp, token);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return Secret.of(token);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate the admin token in " + file + ": " + e.getMessage(), e);
        }
    }

    private static Secret read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            throw new IOException("the file is empty; delete it to have a new token generated");
        }
        return Secret.of(text);
    }

    private static String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String token) throws IOException {
        // the token file's absolute path always has a parent folder: it is a file, never a root
        Path folder = Objects.requireNonNull(file.toAbsolutePath().getParent(), "parent");
        boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
