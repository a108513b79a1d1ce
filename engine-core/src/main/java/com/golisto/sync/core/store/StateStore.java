package com.golisto.sync.core.store;

import com.golisto.sync.core.ConnectionPool;
import com.golisto.sync.core.MasterKey;
import com.golisto.sync.core.UnknownStoreException;
import com.zaxxer.hikari.HikariDataSource;
import com.golisto.sync.core.MasterKeyMissingException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's durable state, over a JDBC database: HSQLDB in file mode (the embedded default) or
 * PostgreSQL (production, shared by several runners). {@link #open} runs the versioned migrations
 * before anything else.
 *
 * <p>This class opens, checks and closes the database; the state itself is reached through one small
 * store per aggregate, each over its package-private Jdbi DAO: {@link #stores()}, {@link #settings()},
 * {@link #secrets()}, {@link #states()}, {@link #mappings()}, {@link #cursors()}, {@link #intents()},
 * {@link #deadLetters()}, {@link #runs()}, {@link #deliveries()} and {@link #leases()}. They share the
 * connection source, the clock and the closed state of this store; using one after {@link #close()}
 * throws {@link IllegalStateException}.
 *
 * <p>Every method of those stores is thread-safe and runs in its own transaction unless it says
 * otherwise; methods taking a collection ({@link MappingStore#upsert}, {@link SettingStore#save}) are one
 * transaction each. Timestamps come from the injected {@link Clock} and are kept at millisecond precision.
 * Secret values are sealed with {@link SecretCipher} before they reach the database and never appear in
 * exceptions or logs.
 *
 * <p>Methods that name a store throw {@link UnknownStoreException} when they need the store to exist
 * (creating rows for it) and it does not. Null is never accepted unless a parameter says so.
 */
public final class StateStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);

    private final Database db;
    private final DataSource dataSource;
    private final AutoCloseable onClose;
    private final StoreRecordStore stores;
    private final SettingStore settings;
    private final SecretStore secrets;
    private final OneTimeStateStore states;
    private final MappingStore mappings;
    private final CursorStore cursors;
    private final IntentStore intents;
    private final DeadLetterStore deadLetters;
    private final RunStore runs;
    private final DeliveryStore deliveries;
    private final InboxStore inbox;
    private final LeaseStore leases;
    private final HealthStore health;
    private final LedgerStore ledger;
    private final DryRunStore dryRuns;

    private StateStore(DataSource dataSource, MasterKey key, Clock clock, AutoCloseable onClose) {
        this.db = new Database(dataSource, clock);
        this.dataSource = dataSource;
        this.onClose = onClose;
        Sealing sealing = new Sealing(key);
        this.stores = new StoreRecordStore(db);
        this.settings = new SettingStore(db, sealing);
        this.secrets = new SecretStore(db, sealing);
        this.states = new OneTimeStateStore(db);
        this.mappings = new MappingStore(db);
        this.ledger = new LedgerStore(db);
        this.dryRuns = new DryRunStore(db);
        this.cursors = new CursorStore(db);
        this.intents = new IntentStore(db);
        this.deadLetters = new DeadLetterStore(db);
        this.runs = new RunStore(db);
        this.deliveries = new DeliveryStore(db);
        this.inbox = new InboxStore(db);
        this.leases = new LeaseStore(db);
        this.health = new HealthStore(db);
    }

    /**
     * Opens the store on a data source the host owns (and closes), migrating the schema first. The store
     * uses it as given: a host that wants a pool hands a pooled one, the store never pools it again.
     *
     * @throws StateStoreException if the database cannot be reached or migrated
     */
    public static StateStore open(DataSource dataSource, MasterKey key, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        return open(dataSource, key, clock, () -> { }, "the given DataSource");
    }

    /**
     * Opens the store on a JDBC URL with the default {@link ConnectionPool}, migrating the schema first.
     *
     * @throws StateStoreException if the database cannot be reached or migrated
     * @see #open(String, ConnectionPool, MasterKey, Clock)
     */
    public static StateStore open(String jdbcUrl, MasterKey key, Clock clock) {
        return open(jdbcUrl, ConnectionPool.defaults(), key, clock);
    }

    /**
     * Opens the store on a JDBC URL, migrating the schema first. Connections come from a HikariCP pool
     * with the given settings, opened here and closed by {@link #close()}. For HSQLDB URLs
     * ({@code jdbc:hsqldb:file:/path/state}) the store adds, unless the URL sets them: MVCC transactions,
     * disk-backed (cached) tables, synchronous commits ({@code hsqldb.write_delay=false}) and
     * {@code shutdown=true}; it holds one connection of its own open while it is open so the database
     * stays up, and {@link #close()} shuts the database down cleanly so it can be reopened.
     *
     * @throws StateStoreException if the database cannot be reached or migrated
     */
    public static StateStore open(String jdbcUrl, ConnectionPool pool, MasterKey key, Clock clock) {
        return open(jdbcUrl, pool, key, clock, UrlDataSource::new);
    }

    /** {@link #open(String, ConnectionPool, MasterKey, Clock)} over the physical connections of {@code physical}. */
    static StateStore open(String jdbcUrl, ConnectionPool pool, MasterKey key, Clock clock,
            Function<String, DataSource> physical) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(pool, "pool");
        String url = UrlDataSource.withDefaults(jdbcUrl);
        DataSource connections = physical.apply(url);
        Connection keeper = null;
        HikariDataSource pooled;
        try {
            if (UrlDataSource.isHsqldb(url)) {
                keeper = connections.getConnection();
            }
            pooled = StatePool.open(connections, pool);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(keeper);
            throw new StateStoreException("cannot open the state store at " + UrlDataSource.describe(jdbcUrl)
                    + ": " + redacted(String.valueOf(e.getMessage()), jdbcUrl, url),
                    UrlDataSource.hasCredentials(jdbcUrl) ? null : e);
        }
        Connection held = keeper;
        AutoCloseable onClose = () -> {
            // the pool first: HSQLDB shuts down with the last connection, the store's own
            pooled.close();
            closeQuietly(held);
        };
        try {
            return open(pooled, key, clock, onClose, UrlDataSource.describe(jdbcUrl));
        } catch (StateStoreException e) {
            closeQuietly(onClose);
            throw UrlDataSource.hasCredentials(jdbcUrl)
                    // driver messages repeat the whole URL: keep its password out of the exception
                    ? new StateStoreException(redacted(String.valueOf(e.getMessage()), jdbcUrl, url), null)
                    : e;
        } catch (RuntimeException e) {
            closeQuietly(onClose);
            throw e;
        }
    }

    private static String redacted(String message, String jdbcUrl, String url) {
        return message.replace(url, UrlDataSource.describe(jdbcUrl)).replace(jdbcUrl, UrlDataSource.describe(jdbcUrl));
    }

    private static StateStore open(DataSource dataSource, MasterKey key, Clock clock, AutoCloseable onClose,
            String where) {
        Objects.requireNonNull(key, "master key");
        Objects.requireNonNull(clock, "clock");
        try {
            var result = Flyway.configure(StateStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db-migration")
                    .placeholders(Map.of("binary_type", binaryType(dataSource)))
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                LOG.info("State store at {} migrated to schema version {} ({} migrations)", where,
                        result.targetSchemaVersion, result.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new StateStoreException("cannot migrate the state store at " + where + ": " + e.getMessage(), e);
        }
        return checkedKey(new StateStore(dataSource, key, clock, onClose), dataSource, key, clock, onClose, where);
    }

    /** The type of a binary column: the one place V1's portable SQL does not reach (V14's scheduler table). */
    private static String binaryType(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().contains("PostgreSQL") ? "BYTEA" : "VARBINARY(1048576)";
        } catch (SQLException e) {
            throw new StateStoreException("cannot reach the state store: " + e.getMessage(), e);
        }
    }

    /**
     * Settles the master key against the stored secrets: an unwritten key (its file was missing) is written
     * only when no secret is stored; with secrets stored the open is refused, naming the file to restore.
     * A key that sealed none of the stored secrets (a rotation in progress, or the wrong key) is logged.
     */
    private static StateStore checkedKey(StateStore opened, DataSource dataSource, MasterKey key, Clock clock,
            AutoCloseable onClose, String where) {
        Map<String, Integer> sealed = opened.secrets().sealedCountsByKey();
        Optional<Path> unwritten = key.unwrittenFile();
        if (unwritten.isPresent()) {
            if (!sealed.isEmpty()) {
                opened.db.markClosed();
                int count = sealed.values().stream().mapToInt(Integer::intValue).sum();
                throw new MasterKeyMissingException(unwritten.get(), List.copyOf(sealed.keySet()), count);
            }
            MasterKey written = key.writeUnwritten();
            LOG.info("State store at {} holds no secrets: new master key {} written to {}", where, written.id(),
                    unwritten.get());
            if (!written.equals(key)) {
                // another process wrote the file first: seal with the key that is in it
                opened.db.markClosed();
                return new StateStore(dataSource, written, clock, onClose);
            }
            return opened;
        }
        if (!sealed.isEmpty() && !sealed.containsKey(key.id())) {
            LOG.warn("None of the secrets in the state store at {} is sealed with master key {} (they are sealed"
                    + " with {}): they stay unreadable until they are re-encrypted from their key", where, key.id(),
                    sealed.keySet());
        }
        return opened;
    }

    // ---------------------------------------------------------------- the aggregates

    /** Stores, their connectors, connection status and full-pass generation. */
    public StoreRecordStore stores() {
        return stores;
    }

    /** Connector settings per store and side; secret ones sealed. */
    public SettingStore settings() {
        return settings;
    }

    /** Secrets beyond settings; erasing and re-sealing every sealed value. */
    public SecretStore secrets() {
        return secrets;
    }

    /** One-time states of connect and credential-grant redirects. */
    public OneTimeStateStore states() {
        return states;
    }

    /** Entity mappings with fingerprints and generations. */
    public MappingStore mappings() {
        return mappings;
    }

    /** The per-product ledger: why each product is (not) on the marketplace. */
    public LedgerStore ledger() {
        return ledger;
    }

    /** The latest dry-run report per store. */
    public DryRunStore dryRuns() {
        return dryRuns;
    }

    /** Named cursors per store. */
    public CursorStore cursors() {
        return cursors;
    }

    /** Intents before non-idempotent remote writes. */
    public IntentStore intents() {
        return intents;
    }

    /** Items given up on. */
    public DeadLetterStore deadLetters() {
        return deadLetters;
    }

    /** Sync runs with their counts. */
    public RunStore runs() {
        return runs;
    }

    /** Webhook delivery ids already handled. */
    public DeliveryStore deliveries() {
        return deliveries;
    }

    /** The durable webhook inbox: notified products waiting for a webhook-triggered pass. */
    public InboxStore inbox() {
        return inbox;
    }

    /** The database itself, for the cluster scheduler's own table ({@code scheduled_tasks}). */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Store work leases. */
    public LeaseStore leases() {
        return leases;
    }

    /** What the health checks read and write. */
    public HealthStore health() {
        return health;
    }

    // ---------------------------------------------------------------- lifecycle

    /** Whether the database answers a cheap query; never throws. */
    public boolean healthy() {
        if (db.closed()) {
            return false;
        }
        try {
            return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM store_leases WHERE 1 = 0")
                    .mapTo(Integer.class).one()) == 0;
        } catch (RuntimeException e) {
            LOG.warn("State store health check failed: {}", e.toString());
            return false;
        }
    }

    /**
     * Closes the store. For a store opened on a JDBC URL this closes its connection pool, and for an HSQLDB
     * URL shuts the database down cleanly; a host-supplied {@code DataSource} is left open. Idempotent.
     */
    @Override
    public void close() {
        if (db.closed()) {
            return;
        }
        db.markClosed();
        closeQuietly(onClose);
    }

    private static void closeQuietly(@Nullable AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing the state store failed: {}", e.toString());
        }
    }
}
