package com.golisto.sync.app.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the runner keeps its state.
 *
 * @param dataDir the data folder (embedded database, master key, generated admin token)
 * @param jdbcUrl the state store's JDBC URL (may carry a password: never log it whole, see {@link #jdbcUrlForDisplay()})
 * @param masterKeyFile the file holding the key that encrypts stored secrets
 */
public record StateConfig(Path dataDir, String jdbcUrl, Path masterKeyFile) {
    public StateConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
    }

    /** The JDBC URL without its query and credentials, for logs and pages. */
    public String jdbcUrlForDisplay() {
        String shown = jdbcUrl.replaceAll("//[^/@]*@", "//");
        int q = shown.indexOf('?');
        int semi = shown.indexOf(';');
        int cut = q < 0 ? semi : semi < 0 ? q : Math.min(q, semi);
        return cut < 0 ? shown : shown.substring(0, cut);
    }

    /** Whether the state store is an embedded HSQLDB file database. */
    public boolean embedded() {
        return jdbcUrl.startsWith("jdbc:hsqldb:file:");
    }

    /** The file holding a generated admin token. */
    public Path adminTokenFile() {
        return dataDir.resolve("admin.token");
    }

    @Override
    public String toString() {
        return "StateConfig[dataDir=" + dataDir + ", jdbcUrl=" + jdbcUrlForDisplay() + ", masterKeyFile="
                + masterKeyFile + "]";
    }
}
