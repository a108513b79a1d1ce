package com.golisto.sync.api.spi;

/**
 * The place a connector can take in a store: every store has one shop connector and one marketplace
 * connector. A connector's roles follow from the capabilities its descriptor declares
 * ({@link ConnectorDescriptor#roles()}); the engine refuses a store that places a connector in a role it
 * does not have.
 */
public enum ConnectorRole {
    /** The merchant's shop: the catalog comes from it ({@link Capability#CATALOG_SOURCE}). */
    SHOP(Capability.CATALOG_SOURCE),
    /** The marketplace the catalog is listed on ({@link Capability#CATALOG_TARGET}). */
    MARKETPLACE(Capability.CATALOG_TARGET);

    private final Capability defining;

    ConnectorRole(Capability defining) {
        this.defining = defining;
    }

    /** The capability a connector must declare to take this role. */
    public Capability definingCapability() {
        return defining;
    }

    /** {@code shop} or {@code marketplace}, as configuration and messages spell it. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
