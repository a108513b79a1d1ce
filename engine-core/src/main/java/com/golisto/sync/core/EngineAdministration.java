package com.golisto.sync.core;

/**
 * The operator's part of the {@link SyncEngine} facade: reading a store's settings and removing it. Thread-safe like every facade method.
 */
public interface EngineAdministration {

    /**
     * A store's connector settings for an operator: every setting each connector declares with its stored
     * value; secret values are never included, only whether one is set. Change them with
     * {@link SyncEngine#registerStore} (an {@link SettingOrigin#API} registration keeps the settings it does
     * not name, and a blank value removes one).
     *
     * @throws UnknownStoreException when no such store is registered
     */
    StoreSettingsView storeSettings(String storeId);

    /**
     * Removes a store: disconnects it first (like {@link SyncEngine#disconnect}: tells the marketplace, removes
     * the shop webhooks, stops its work, erases its secrets), then deletes everything the engine holds for it
     * (settings, mappings, runs, dead letters, cursors, deliveries). The id can be registered again afterwards
     * as a new store.
     *
     * @throws UnknownStoreException when no such store is registered
     */
    void removeStore(String storeId) throws InterruptedException;
}
