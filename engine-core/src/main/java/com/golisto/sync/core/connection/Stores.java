package com.golisto.sync.core.connection;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.NotApprovedException;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.RunKind;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.UnknownStoreException;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered stores as the engine shows and checks them: lookups that fail with
 * {@link UnknownStoreException}, the approval check every sync request makes, the views hosts see, and the
 * re-sealing of their secrets under a new master key. Thread-safe.
 */
public final class Stores {

    private static final Logger LOG = LoggerFactory.getLogger(Stores.class);

    private final StateStore store;
    private final StoreRuntimes runtimes;

    /** Over the state store and the runtimes (whose shop connector says whether API keys are present). */
    public Stores(StateStore store, StoreRuntimes runtimes) {
        this.store = store;
        this.runtimes = runtimes;
    }

    /** The store as stored now. */
    public StoreRecord record(String storeId) {
        return store.stores().find(storeId).orElseThrow(() -> new UnknownStoreException("no store with id " + storeId));
    }

    /** @throws NotApprovedException when the store is not approved: nothing is synchronised before that */
    public void requireApproved(String storeId) {
        StoreRecord record = record(storeId);
        if (record.unreadable() != null) {
            throw new NotApprovedException("store " + storeId + " cannot run: " + record.unreadable()
                    + "; connect it again to store a sound value");
        }
        if (record.status() != ConnectionStatus.APPROVED) {
            throw new NotApprovedException("store " + storeId + " is " + record.status()
                    + ": nothing is synchronised before the marketplace approves it");
        }
    }

    /** Every registered store. */
    public List<StoreView> list() {
        return store.stores().list().stream().map(this::view).toList();
    }

    /** One store, if registered. */
    public Optional<StoreView> find(String storeId) {
        return store.stores().find(storeId).map(this::view);
    }

    /** One store as it stands now. */
    public StoreView view(String storeId) {
        return view(record(storeId));
    }

    /** The host's view of a store: its record, and whether its shop has API keys. */
    public StoreView view(StoreRecord record) {
        boolean credentials;
        try {
            credentials = runtimes.of(record.id()).shop().credentialIssuer()
                    .flatMap(issuer -> issuer.currentCredentials()).isPresent();
        } catch (RuntimeException e) {
            credentials = false;
        }
        String reason = record.unreadable() != null ? record.unreadable() : record.statusReason();
        return new StoreView(record.id(), record.shopConnector(), record.marketplaceConnector(), record.status(),
                record.accountId(), reason, credentials, record.updatedAt(), record.unreadable(),
                store.runs().pollCounts(record.id(), RunKind.ORDERS));
    }

    /**
     * Re-seals under {@code current} every stored secret sealed under {@code previous}; open connectors
     * reopen with the re-sealed values.
     *
     * @return how many values were re-sealed
     */
    public int reencryptSecrets(MasterKey previous, MasterKey current) {
        int resealed = store.secrets().reencrypt(previous);
        // connectors that failed to open with unreadable settings, or hold old values, open afresh
        runtimes.reopenAllConnectors();
        LOG.info("master key rotation: {} stored secrets re-sealed under key {}", resealed, current.id());
        return resealed;
    }
}
