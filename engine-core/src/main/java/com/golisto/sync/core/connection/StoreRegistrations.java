package com.golisto.sync.core.connection;

import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.core.connectors.ConnectorRegistryException;
import com.golisto.sync.core.SettingOrigin;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.core.StoreRegistration;
import com.golisto.sync.core.StoreSettingsView;
import com.golisto.sync.core.StoreView;
import com.golisto.sync.core.connectors.ConnectorRegistry;
import com.golisto.sync.core.runtime.StoreMdc;
import com.golisto.sync.core.runtime.StoreRuntimes;
import com.golisto.sync.core.store.Side;
import com.golisto.sync.core.store.StateStore;
import com.golisto.sync.core.store.StoreAlreadyExistsException;
import com.golisto.sync.core.store.StoreRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registering a store, or updating a registered one's settings: checks the connectors are installed and
 * unchanged, lays the given settings over the stored ones (keeping what the engine obtained itself, such
 * as granted API keys and the marketplace token), validates both sides, and stores them with their secret
 * ones sealed and their origin. A registration from the configuration file ({@link SettingOrigin#CONFIG})
 * first drops the stored settings it no longer names, except obtained ones, so they return to their defaults;
 * then the store's connectors reopen with the new settings and the {@link ConnectionListener}
 * hears of it. Makes no remote call. Thread-safe.
 */
public final class StoreRegistrations {

    private static final Logger LOG = LoggerFactory.getLogger(StoreRegistrations.class);

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

    /**
     * The store's settings for an operator: every declared setting of both connectors with its stored value,
     * secrets only as set or not (their values never leave this method).
     *
     * @throws com.golisto.sync.core.UnknownStoreException when no such store is registered
     */
    public StoreSettingsView settings(String storeId) {
        StoreRecord record = stores.record(storeId);
        return new StoreSettingsView(storeId, record.shopConnector(), side(record, Side.SHOP, record.shopConnector()),
                record.marketplaceConnector(), side(record, Side.MARKETPLACE, record.marketplaceConnector()));
    }

    private List<StoreSettingsView.Setting> side(StoreRecord record, Side side, String connectorId) {
        Map<String, SettingOrigin> origins = store.settings().origins(record.id(), side);
        java.util.Set<String> secrets = registry.secretSettingNames(connectorId);
        boolean anyPlain = origins.keySet().stream().anyMatch(n -> !secrets.contains(n));
        Map<String, String> values = anyPlain ? plain(store.settings().load(record.id(), side), secrets) : Map.of();
        List<StoreSettingsView.Setting> out = new ArrayList<>();
        List<SettingSpec> specs = registry.descriptor(connectorId).map(d -> d.settings()).orElse(List.of());
        for (SettingSpec spec : specs) {
            String name = spec.name();
            out.add(new StoreSettingsView.Setting(name, spec.secret() ? null : values.get(name),
                    origins.containsKey(name), spec.secret(), spec.required(), spec.defaultValue(), origins.get(name),
                    spec.description()));
        }
        origins.keySet().stream().filter(n -> specs.stream().noneMatch(s -> s.name().equals(n))).sorted()
                .forEach(n -> out.add(new StoreSettingsView.Setting(n, secrets.contains(n) ? null : values.get(n),
                        true, secrets.contains(n), false, null, origins.get(n), "")));
        return out;
    }

    private static Map<String, String> plain(Map<String, String> loaded, java.util.Set<String> secrets) {
        Map<String, String> out = new HashMap<>(loaded);
        out.keySet().removeAll(secrets);
        return out;
    }

    /** Stores the registration; returns the store as stored now. */
    private StoreRecord save(StoreRegistration registration) {
        for (String connectorId : List.of(registration.shopConnectorId(), registration.marketplaceConnectorId())) {
            if (registry.provider(connectorId).isEmpty()) {
                throw new IllegalArgumentException("no connector " + connectorId + " is installed (installed: "
                        + registry.ids() + ")");
            }
        }
        try {
            registry.requireRole(registration.shopConnectorId(), ConnectorRole.SHOP);
            registry.requireRole(registration.marketplaceConnectorId(), ConnectorRole.MARKETPLACE);
        } catch (ConnectorRegistryException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Optional<StoreRecord> existing = store.stores().find(registration.id());
        if (existing.isPresent() && (!existing.get().shopConnector().equals(registration.shopConnectorId())
                || !existing.get().marketplaceConnector().equals(registration.marketplaceConnectorId()))) {
            throw new IllegalArgumentException("store " + registration.id() + " is registered with connectors "
                    + existing.get().shopConnector() + " and " + existing.get().marketplaceConnector()
                    + "; a store keeps its connectors");
        }
        Merged shop = merged(registration, Side.SHOP, registration.shopSettings(), existing.isPresent());
        Merged marketplace = merged(registration, Side.MARKETPLACE, registration.marketplaceSettings(),
                existing.isPresent());
        registry.validate(registration.shopConnectorId(), shop.values());
        registry.validate(registration.marketplaceConnectorId(), marketplace.values());
        if (existing.isEmpty()) {
            try {
                store.stores().create(registration.id(), registration.shopConnectorId(),
                        registration.marketplaceConnectorId());
            } catch (StoreAlreadyExistsException e) {
                // another runner sharing the database registered it at this moment (both read the same file)
                StoreRecord other = store.stores().find(registration.id()).orElseThrow(() -> e);
                if (!other.shopConnector().equals(registration.shopConnectorId())
                        || !other.marketplaceConnector().equals(registration.marketplaceConnectorId())) {
                    throw e;
                }
            }
        }
        store.settings().save(registration.id(), Side.SHOP, shop.values(),
                registry.secretSettingNames(registration.shopConnectorId()), shop.origins());
        store.settings().save(registration.id(), Side.MARKETPLACE, marketplace.values(),
                registry.secretSettingNames(registration.marketplaceConnectorId()), marketplace.origins());
        return store.stores().find(registration.id()).orElseThrow();
    }

    /** One side's settings as they will be stored, and where each came from. */
    private record Merged(Map<String, String> values, Map<String, SettingOrigin> origins) {
    }

    /**
     * The stored settings with the given ones laid over them (a blank value removes a setting). A
     * {@link SettingOrigin#CONFIG} registration first drops every stored setting it does not name unless a flow
     * obtained it: the configuration file is the truth for the stores it declares.
     */
    private Merged merged(StoreRegistration registration, Side side, Map<String, String> given, boolean exists) {
        String storeId = registration.id();
        Map<String, String> values = new HashMap<>(exists ? store.settings().load(storeId, side) : Map.of());
        Map<String, SettingOrigin> origins = new HashMap<>(exists ? store.settings().origins(storeId, side) : Map.of());
        if (registration.origin() == SettingOrigin.CONFIG) {
            List<String> dropped = values.keySet().stream()
                    .filter(name -> !given.containsKey(name) && origins.get(name) != SettingOrigin.OBTAINED)
                    .sorted().toList();
            if (!dropped.isEmpty()) {
                LOG.info("store {}: {} settings {} are no longer configured and return to their defaults",
                        storeId, side.name().toLowerCase(Locale.ROOT), dropped);
                dropped.forEach(values::remove);
            }
        }
        given.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                values.remove(name);
            } else {
                values.put(name, value);
                origins.put(name, registration.origin());
            }
        });
        origins.keySet().retainAll(values.keySet());
        return new Merged(values, origins);
    }
}
