package com.golisto.sync.app.config;

import com.golisto.sync.core.ConnectionPool;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the runner keeps its state.
 *
 * @param dataDir the data folder (embedded database, master key, generated admin token)
 * @param jdbcUrl the state store's JDBC URL (may carry a password: never log it whole, see {@link #jdbcUrlForDisplay()})
 * @param masterKeyFile the file holding the key that encrypts stored secrets
 * @param poolSize the most connections the state store's pool opens at once (1 to {@value #MAX_POOL_SIZE})
 */
public record StateConfig(Path dataDir, String jdbcUrl, Path masterKeyFile, int poolSize) {

    /** The largest {@code state.pool-size}. */
    public static final int MAX_POOL_SIZE = 1000;

    public StateConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(masterKeyFile, "masterKeyFile");
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("pool size must be 1 to " + MAX_POOL_SIZE + ", was " + poolSize);
        }
    }

    /** Where the runner keeps its state, with the engine's default pool size. */
    public StateConfig(Path dataDir, String jdbcUrl, Path masterKeyFile) {
        this(dataDir, jdbcUrl, masterKeyFile, ConnectionPool.defaults().maximumSize());
    }

    /** The state store's connection pool: {@link #poolSize} connections, the engine's other defaults. */
    public ConnectionPool connectionPool() {
        return ConnectionPool.defaults().withMaximumSize(poolSize);
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
                + masterKeyFile + ", poolSize=" + poolSize + "]";
    }
}
