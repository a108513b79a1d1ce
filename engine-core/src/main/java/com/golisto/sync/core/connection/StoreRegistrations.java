package com.golisto.sync.core.connection;

import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.runtime.StoreMdc;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.Side;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Registering a store, or updating a registered one's settings: checks the connectors are installed and
 * unchanged, lays the given settings over the stored ones (keeping what the engine obtained itself, such
 * as granted API keys and the marketplace token), validates both sides, and stores them with their secret
 * ones sealed; then the store's connectors reopen with the new settings and the {@link ConnectionListener}
 * hears of it. Makes no remote call. Thread-safe.
 */
public final class StoreRegistrations {

    private final StateStore store;
    private final ConnectorRegistry registry;
    private final StoreRuntimes runtimes;
    private final Stores stores;
    private final ConnectionListener listener;

    /** Over the state store and the installed connectors. */
    public StoreRegistrations(StateStore store, ConnectorRegistry registry, StoreRuntimes runtimes, Stores stores,
            ConnectionListener listener) {
        this.store = store;
        this.registry = registry;
        this.runtimes = runtimes;
        this.stores = stores;
        this.listener = listener;
    }

    /**
     * Registers the store or updates its settings, with the store in the MDC.
     *
     * @return the store as the host sees it now
     * @throws IllegalArgumentException when a connector is not installed, or differs from the registered one
     * @throws com.golisto.sync.api.spi.InvalidSettingsException listing every problem of either side
     */
    public StoreView register(StoreRegistration registration) {
        StoreMdc mdc = StoreMdc.of(registration.id());
        try {
            StoreRecord registered = save(registration);
            runtimes.of(registered.id()).reopenConnectors();
            listener.registered(registered);
            return stores.view(registered);
        } finally {
            mdc.close();
        }
    }

    /** Stores the registration; returns the store as stored now. */
    private StoreRecord save(StoreRegistration registration) {
        for (String connectorId : List.of(registration.shopConnectorId(), registration.marketplaceConnectorId())) {
            if (registry.provider(connectorId).isEmpty()) {
                throw new IllegalArgumentException("no connector " + connectorId + " is installed (installed: "
                        + registry.ids() + ")");
            }
        }
        Optional<StoreRecord> existing = store.stores().find(registration.id());
        if (existing.isPresent() && (!existing.get().shopConnector().equals(registration.shopConnectorId())
                || !existing.get().marketplaceConnector().equals(registration.marketplaceConnectorId()))) {
            throw new IllegalArgumentException("store " + registration.id() + " is registered with connectors "
                    + existing.get().shopConnector() + " and " + existing.get().marketplaceConnector()
                    + "; a store keeps its connectors");
        }
        Map<String, String> shop = merged(registration.id(), Side.SHOP, registration.shopSettings(),
                existing.isPresent());
        Map<String, String> marketplace = merged(registration.id(), Side.MARKETPLACE,
                registration.marketplaceSettings(), existing.isPresent());
        registry.validate(registration.shopConnectorId(), shop);
        registry.validate(registration.marketplaceConnectorId(), marketplace);
        if (existing.isEmpty()) {
            store.stores().create(registration.id(), registration.shopConnectorId(),
                    registration.marketplaceConnectorId());
        }
        store.settings().save(registration.id(), Side.SHOP, shop, registry.secretSettingNames(registration.shopConnectorId()));
        store.settings().save(registration.id(), Side.MARKETPLACE, marketplace,
                registry.secretSettingNames(registration.marketplaceConnectorId()));
        return store.stores().find(registration.id()).orElseThrow();
    }

    /** The stored settings with the given ones laid over them (a blank value removes a setting). */
    private Map<String, String> merged(String storeId, Side side, Map<String, String> given, boolean exists) {
        Map<String, String> values = new HashMap<>(exists ? store.settings().load(storeId, side) : Map.of());
        given.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        });
        return values;
    }
}
