package com.golisto.sync.app.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The runner's data folder ({@code state.data-dir}) is owner-only ({@code rwx------}): the embedded database,
 * the master key, the admin token and {@code runner.json} inside it are then unreadable to other users whatever
 * the umask gave the files HSQLDB creates and rewrites. On a file system without POSIX permissions nothing is
 * changed.
 */
public final class DataFolder {
    /** {@code rwx------}. */
    public static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private DataFolder() {
    }

    /**
     * Creates the folder owner-only, or narrows an existing one to owner-only.
     *
     * @param folder the data folder
     * @return the folder
     * @throws UncheckedIOException when it cannot be created or its permissions cannot be set
     */
    public static Path ensureOwnerOnly(Path folder) {
        Path dir = folder.toAbsolutePath();
        try {
            Path parent = dir.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    // the umask may have narrowed the attribute; set it exactly
                    Files.setPosixFilePermissions(dir, OWNER_ONLY);
                } else {
                    Files.createDirectory(dir);
                }
            } else if (posix && !Files.getPosixFilePermissions(dir).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY);
            }
            return folder;
        } catch (java.nio.file.FileAlreadyExistsException raced) {
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the data folder " + dir + " owner-only: " + e.getMessage(), e);
        }
    }
}
