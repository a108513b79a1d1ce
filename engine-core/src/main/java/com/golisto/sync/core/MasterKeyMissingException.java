package com.golisto.sync.core;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The engine refused to open: the state store holds secrets sealed under a master key, and the key file
 * that should hold it does not exist (a new key would make every stored secret unreadable, so none is
 * generated). Restore the key file from its backup, or start with a new, empty state store. A user error:
 * the operator must act. The message names the file and the ids of the keys the secrets were sealed with,
 * never key material.
 */
public final class MasterKeyMissingException extends SyncException {

    private static final long serialVersionUID = 1L;

    private final transient Path keyFile;
    private final List<String> sealedWith;

    /**
     * @param keyFile the missing key file
     * @param sealedWith the ids of the keys the stored secrets were sealed with
     * @param secrets how many sealed values the state store holds
     */
    public MasterKeyMissingException(Path keyFile, List<String> sealedWith, int secrets) {
        super(ErrorCategory.USER, message(keyFile, sealedWith, secrets), null);
        this.keyFile = Objects.requireNonNull(keyFile, "keyFile");
        this.sealedWith = List.copyOf(sealedWith);
    }

    /** The key file that does not exist. */
    public Path keyFile() {
        return keyFile;
    }

    /** The ids of the master keys the stored secrets were sealed with (usually one). */
    public List<String> sealedWith() {
        return sealedWith;
    }

    private static String message(Path keyFile, List<String> sealedWith, int secrets) {
        String ids = String.join(", ", sealedWith);
        return "the master key file " + keyFile + " does not exist, but the state store holds " + secrets
                + " secret" + (secrets == 1 ? "" : "s") + " sealed with master key " + ids
                + ": restore that file from your backup (the key with id " + ids + ") and start again."
                + " No new key was generated, because it could not read them; if the key is lost for good,"
                + " start with a new state store and connect the stores again";
    }
}
