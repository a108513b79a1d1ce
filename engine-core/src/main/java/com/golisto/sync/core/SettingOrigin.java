package com.golisto.sync.core;

import java.util.Locale;

/**
 * Where a stored connector setting came from. It decides what registering a store again keeps: a
 * {@link #CONFIG} registration is the whole truth for the settings a host declares (one no longer given
 * returns to its default), while settings {@link #OBTAINED} by a flow are kept.
 */
public enum SettingOrigin {
    /**
     * Declared in the host's configuration (the runner's YAML file), registered again at every start. A
     * {@code CONFIG} registration deletes the stored {@code CONFIG} and {@link #API} settings it no longer
     * names.
     */
    CONFIG,
    /** Got by a flow, not given by anyone: API keys the shop granted, the marketplace token. Always kept. */
    OBTAINED,
    /**
     * Given through the admin API, the CLI or an embedding host's own call: laid over what is stored, the
     * settings not named are kept.
     */
    API;

    /** The value stored in the {@code origin} column: the name in lower case. */
    public String columnValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The origin stored as {@code value} ({@link #columnValue()}). */
    public static SettingOrigin ofColumnValue(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
