package com.golisto.sync.core.store;

import com.golisto.sync.api.spi.ErrorCategory;
import com.golisto.sync.api.spi.SyncException;

/**
 * A stored secret cannot be decrypted: the engine runs with another master key than the one that sealed
 * it, or the stored value was altered. The message names the value (store and setting or secret name)
 * and the key ids involved, never the secret. Recover by starting with the right master key, or by
 * connecting the store again (which stores new secrets).
 */
public final class UnreadableSecretException extends SyncException {

    private static final long serialVersionUID = 1L;

    UnreadableSecretException(String message) {
        super(ErrorCategory.USER, message);
    }
}
