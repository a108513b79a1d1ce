package com.golisto.sync.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The AES-256 key under which the engine encrypts every secret it stores (shop API secrets, webhook
 * secrets, marketplace tokens). The host supplies it: as raw key material ({@link #of(byte[])}), from a
 * file holding the key in base64 ({@link #fromFile(Path)}), or from a file created on first start
 * ({@link #loadOrCreate(Path)}).
 *
 * <p>A key from {@link #loadOrCreate(Path)} whose file did not exist is <em>unwritten</em>: the engine
 * writes its file only after checking that the state store holds no secret sealed under another key, and
 * refuses to open (with {@link MasterKeyMissingException}, naming the file to restore) when it does. A
 * missing key file therefore never silently replaces the key the stored secrets need.
 *
 * <p>Losing the key makes every stored secret unreadable (stores must then be connected again); keep the
 * key file out of database backups and back it up separately. {@link #id()} names the key without
 * revealing it, so encrypted values record which key sealed them and a later rotation can find the values
 * to re-encrypt.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows only the key id.
 */
public final class MasterKey {

    /** The key length in bytes (AES-256). */
    public static final int LENGTH = 32;

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] material;
    private final String id;
    private final @Nullable Path unwrittenFile;

    private MasterKey(byte[] material) {
        this(material, null);
    }

    private MasterKey(byte[] material, @Nullable Path unwrittenFile) {
        this.material = material.clone();
        this.id = HexFormat.of().formatHex(sha256(this.material), 0, 4);
        this.unwrittenFile = unwrittenFile;
    }

    /**
     * A key from raw material.
     *
     * @param material exactly {@value #LENGTH} bytes; copied
     * @throws IllegalArgumentException if the material is not {@value #LENGTH} bytes long
     */
    public static MasterKey of(byte[] material) {
        Objects.requireNonNull(material, "key material");
        if (material.length != LENGTH) {
            throw new IllegalArgumentException(
                    "a master key must be " + LENGTH + " bytes (AES-256), was " + material.length + " bytes");
        }
        return new MasterKey(material);
    }

    /** A new random key from a strong random source. */
    public static MasterKey generate() {
        byte[] material = new byte[LENGTH];
        new SecureRandom().nextBytes(material);
        try {
            return new MasterKey(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * Reads a key file: the base64 encoding of {@value #LENGTH} bytes, surrounding whitespace ignored.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if the file does not hold a base64 key of the right length (the
     *     message names the file, never its content)
     */
    public static MasterKey fromFile(Path file) {
        Objects.requireNonNull(file, "key file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read master key file " + file, e);
        }
        byte[] material;
        try {
            material = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("master key file " + file + " does not hold base64 text", null);
        }
        try {
            if (material.length != LENGTH) {
                throw new IllegalArgumentException("master key file " + file + " must hold " + LENGTH
                        + " base64-encoded bytes, holds " + material.length);
            }
            return new MasterKey(material);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * Reads the key file; when it does not exist, a new random key that is written to the file only once
     * an engine has checked its state store holds no secrets ({@link #unwrittenFile()}). An engine given
     * such a key for a state store that holds sealed secrets refuses to open with
     * {@link MasterKeyMissingException} and writes nothing: restore the key file instead.
     *
     * @throws UncheckedIOException if an existing file cannot be read
     * @throws IllegalArgumentException if an existing file does not hold a valid key
     */
    public static MasterKey loadOrCreate(Path file) {
        Objects.requireNonNull(file, "key file");
        if (Files.exists(file)) {
            return fromFile(file);
        }
        MasterKey fresh = generate();
        return new MasterKey(fresh.material, file);
    }

    /**
     * The key file this key still has to be written to: present only for a key {@link #loadOrCreate(Path)}
     * generated because its file did not exist, and not yet written by {@link #writeUnwritten()}.
     */
    public Optional<Path> unwrittenFile() {
        return Optional.ofNullable(unwrittenFile);
    }

    /**
     * Writes an {@linkplain #unwrittenFile() unwritten} key to its file, readable and writable by its owner
     * only where the file system supports POSIX permissions, and returns the key now in that file: this one,
     * or the key another process wrote there first. A key with no unwritten file is returned as is. The
     * engine calls this when it opens a state store that holds no secrets; hosts need not.
     *
     * @throws UncheckedIOException if the file cannot be created or read
     */
    public MasterKey writeUnwritten() {
        Path file = unwrittenFile;
        if (file == null) {
            return this;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                    : new FileAttribute<?>[0];
            Files.createFile(file, attributes);
            Files.writeString(file, Base64.getEncoder().encodeToString(material) + "\n",
                    StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            return new MasterKey(material);
        } catch (FileAlreadyExistsException e) {
            return fromFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create master key file " + file, e);
        }
    }

    /**
     * A short, stable name for this key: the first 8 hex digits of the SHA-256 of the key material. Safe
     * to log and to store next to encrypted values.
     */
    public String id() {
        return id;
    }

    /** The key for {@code javax.crypto}; for the engine's own cipher. */
    public SecretKey secretKey() {
        return new SecretKeySpec(material, "AES");
    }

    /** Keys are equal when their material is (compared in constant time). */
    @Override
    public boolean equals(Object other) {
        return other instanceof MasterKey k && MessageDigest.isEqual(material, k.material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** {@code MasterKey[id=…]}; never the key material. */
    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
