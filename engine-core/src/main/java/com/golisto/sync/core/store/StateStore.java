package com.golisto.sync.core.store;

import com.golisto.sync.api.model.ConnectionStatus;
import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.core.MasterKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's durable state, over a JDBC database: HSQLDB in file mode (the embedded default) or
 * PostgreSQL (production, shared by several runners). {@link #open} runs the versioned migrations
 * before anything else.
 *
 * <p>Every method is thread-safe and runs in its own transaction unless it says otherwise; methods taking
 * a collection ({@link #upsertMappings}, {@link #saveSettings}) are one transaction each. Timestamps come
 * from the injected {@link Clock} and are kept at millisecond precision. Secret values are sealed with
 * {@link SecretCipher} before they reach the database and never appear in exceptions or logs.
 *
 * <p>Methods that name a store throw {@link UnknownStoreException} when they need the store to exist
 * (creating rows for it) and it does not. Null is never accepted unless a parameter says so.
 */
public final class StateStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
    /** Ids per row-value list (three parameters each), well under every driver's parameter limit. */
    private static final int IN_CHUNK = 200;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Jdbi jdbi;
    private final SecretCipher cipher;
    private final Clock clock;
    private final AutoCloseable onClose;
    private volatile boolean closed;

    private StateStore(DataSource dataSource, SecretCipher cipher, Clock clock, AutoCloseable onClose) {
        this.jdbi = Jdbis.create(dataSource, () -> closed);
        this.cipher = cipher;
        this.clock = clock;
        this.onClose = onClose;
    }

    /**
     * Opens the store on a data source the host owns (and closes), migrating the schema first.
     *
     * @throws StateStoreException if the database cannot be reached or migrated
     */
    public static StateStore open(DataSource dataSource, MasterKey key, Clock clock) {
        Objects.requireNonNull(dataSource, "dataSource");
        return open(dataSource, key, clock, () -> { }, "the given DataSource");
    }

    /**
     * Opens the store on a JDBC URL, migrating the schema first. For HSQLDB URLs
     * ({@code jdbc:hsqldb:file:/path/state}) the store adds, unless the URL sets them: MVCC transactions,
     * disk-backed (cached) tables, synchronous commits ({@code hsqldb.write_delay=false}) and
     * {@code shutdown=true}; it holds one connection open while it is open so the database stays up, and
     * {@link #close()} shuts the database down cleanly so it can be reopened. Other URLs get a new
     * connection per operation: for PostgreSQL prefer {@link #open(DataSource, MasterKey, Clock)} with a
     * pooled data source.
     *
     * @throws StateStoreException if the database cannot be reached or migrated
     */
    public static StateStore open(String jdbcUrl, MasterKey key, Clock clock) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        String url = UrlDataSource.withDefaults(jdbcUrl);
        UrlDataSource dataSource = new UrlDataSource(url);
        Connection keeper = null;
        if (UrlDataSource.isHsqldb(url)) {
            try {
                keeper = dataSource.getConnection();
            } catch (SQLException e) {
                throw new StateStoreException("cannot open the state store at " + UrlDataSource.describe(jdbcUrl)
                        + ": " + e.getMessage().replace(url, UrlDataSource.describe(jdbcUrl)),
                        UrlDataSource.hasCredentials(jdbcUrl) ? null : e);
            }
        }
        Connection held = keeper;
        AutoCloseable onClose = held == null ? () -> { } : held::close;
        try {
            return open(dataSource, key, clock, onClose, UrlDataSource.describe(jdbcUrl));
        } catch (StateStoreException e) {
            closeQuietly(onClose);
            throw UrlDataSource.hasCredentials(jdbcUrl)
                    // driver messages repeat the whole URL: keep its password out of the exception
                    ? new StateStoreException(e.getMessage().replace(url, UrlDataSource.describe(jdbcUrl))
                            .replace(jdbcUrl, UrlDataSource.describe(jdbcUrl)), null)
                    : e;
        } catch (RuntimeException e) {
            closeQuietly(onClose);
            throw e;
        }
    }

    private static StateStore open(DataSource dataSource, MasterKey key, Clock clock, AutoCloseable onClose,
            String where) {
        Objects.requireNonNull(key, "master key");
        Objects.requireNonNull(clock, "clock");
        try {
            var result = Flyway.configure(StateStore.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db-migration")
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
        return new StateStore(dataSource, new SecretCipher(key), clock, onClose);
    }

    // ---------------------------------------------------------------- stores

    /**
     * Creates a store, not connected yet ({@link ConnectionStatus#DISCONNECTED}).
     *
     * @throws StoreAlreadyExistsException if the id is taken
     */
    public StoreRecord createStore(String storeId, String shopConnector, String marketplaceConnector) {
        Require.storeId(storeId);
        Require.text(shopConnector, "shop connector id", Limits.NAME);
        Require.text(marketplaceConnector, "marketplace connector id", Limits.NAME);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            StoreDao dao = h.attach(StoreDao.class);
            if (dao.count(storeId) > 0) {
                throw new StoreAlreadyExistsException(storeId);
            }
            try {
                dao.insert(storeId, shopConnector, marketplaceConnector, ConnectionStatus.DISCONNECTED, now);
            } catch (UnableToExecuteStatementException e) {
                throw isUniqueViolation(e) ? new StoreAlreadyExistsException(storeId) : e;
            }
            return dao.find(storeId).orElseThrow();
        });
    }

    /** The store with this id. */
    public Optional<StoreRecord> findStore(String storeId) {
        return jdbi.withExtension(StoreDao.class, d -> d.find(storeId));
    }

    /** Every store, ordered by id. */
    public List<StoreRecord> listStores() {
        return jdbi.withExtension(StoreDao.class, StoreDao::list);
    }

    /**
     * The store connected under this marketplace account (connection) id. When several stores carry it
     * (which connecting should prevent), the first by id.
     */
    public Optional<StoreRecord> findStoreByAccount(String accountId) {
        Objects.requireNonNull(accountId, "accountId");
        return jdbi.withExtension(StoreDao.class, d -> d.findByAccount(accountId)).stream().findFirst();
    }

    /**
     * Sets the connection status, account id and reason of a store, exactly as given.
     *
     * @param accountId the marketplace connection id; null clears it
     * @param reason why (shown to people); null clears it; cut to 2000 characters
     * @return the updated store
     */
    public StoreRecord updateConnection(String storeId, ConnectionStatus status, String accountId, String reason) {
        Objects.requireNonNull(status, "status");
        Require.optionalText(accountId, "account id", Limits.ID);
        String cut = Require.truncate(reason, Limits.MESSAGE);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            StoreDao dao = h.attach(StoreDao.class);
            if (dao.updateConnection(storeId, status, accountId, cut, now) == 0) {
                throw new UnknownStoreException(storeId);
            }
            return dao.find(storeId).orElseThrow();
        });
    }

    /**
     * Deletes a store and everything kept for it (settings, secrets, mappings, cursors, intents, dead
     * letters, runs, deliveries, lease).
     *
     * @return whether the store existed
     */
    public boolean deleteStore(String storeId) {
        return jdbi.withExtension(StoreDao.class, d -> d.delete(storeId)) > 0;
    }

    /**
     * Starts a new full-pass generation for a store and returns it (1 for the first pass). Generations
     * only grow; see {@link #markSeen} and {@link #unseenBefore}.
     */
    public long nextGeneration(String storeId) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            StoreDao dao = h.attach(StoreDao.class);
            if (dao.incrementGeneration(storeId, now) == 0) {
                throw new UnknownStoreException(storeId);
            }
            return dao.generation(storeId);
        });
    }

    // ---------------------------------------------------------------- settings and secrets

    /**
     * Replaces every setting of one side of a store. Values named in {@code secretNames} are sealed.
     *
     * @param values setting name to raw value (values at most 4000 characters; secrets at most about 5000)
     * @param secretNames which of the names are secret (names not in {@code values} are ignored)
     */
    public void saveSettings(String storeId, Side side, Map<String, String> values, Set<String> secretNames) {
        List<SecretDao.SettingRow> rows = settingRows(storeId, side, values, secretNames);
        Instant now = now();
        jdbi.useTransaction(h -> {
            requireStore(h.attach(StoreDao.class), storeId);
            SecretDao dao = h.attach(SecretDao.class);
            dao.deleteSettings(storeId, side);
            if (!rows.isEmpty()) {
                dao.insertSettings(rows, now);
            }
        });
    }

    /**
     * Replaces every setting of one side with validated settings: their raw values, secrets being the
     * settings the descriptor declares secret.
     */
    public void saveSettings(String storeId, Side side, Settings settings) {
        Set<String> secretNames = new HashSet<>();
        for (SettingSpec spec : settings.descriptor().settings()) {
            if (spec.secret()) {
                secretNames.add(spec.name());
            }
        }
        saveSettings(storeId, side, settings.rawValues(), secretNames);
    }

    /**
     * Adds or overrides some settings of one side, keeping the others. A name's secrecy is as given
     * here (an overridden secret setting given without its name in {@code secretNames} is stored plain).
     */
    public void mergeSettings(String storeId, Side side, Map<String, String> values, Set<String> secretNames) {
        List<SecretDao.SettingRow> rows = settingRows(storeId, side, values, secretNames);
        if (rows.isEmpty()) {
            return;
        }
        Instant now = now();
        jdbi.useTransaction(h -> {
            requireStore(h.attach(StoreDao.class), storeId);
            SecretDao dao = h.attach(SecretDao.class);
            dao.deleteSettings(rows);
            dao.insertSettings(rows, now);
        });
    }

    /**
     * The settings of one side of a store, secrets decrypted; empty when none were saved. The map is a
     * raw-settings map for {@code ConnectorDescriptor.validate}: keep it out of logs.
     *
     * @throws UnreadableSecretException if a secret was sealed under another master key or altered
     */
    public Map<String, String> loadSettings(String storeId, Side side) {
        Objects.requireNonNull(side, "side");
        List<SecretDao.SettingRow> rows = jdbi.withExtension(SecretDao.class, d -> d.settings(storeId, side));
        Map<String, String> values = new LinkedHashMap<>();
        for (SecretDao.SettingRow row : rows) {
            values.put(row.settingName(), row.secret()
                    ? cipher.open(row.settingValue(), settingBinding(storeId, side, row.settingName()),
                            "secret setting " + row.settingName() + " (" + side + ") of store " + storeId)
                    : row.settingValue());
        }
        return values;
    }

    /** Stores (or replaces) a secret of a store, sealed. Names: at most 100 characters. */
    public void putSecret(String storeId, String name, Secret secret) {
        Require.text(name, "secret name", Limits.NAME);
        Objects.requireNonNull(secret, "secret");
        String sealed = sealChecked(secret.reveal(), secretBinding(storeId, name), "secret " + name);
        Instant now = now();
        jdbi.useTransaction(h -> {
            requireStore(h.attach(StoreDao.class), storeId);
            SecretDao dao = h.attach(SecretDao.class);
            if (dao.updateSecret(storeId, name, sealed, now) == 0) {
                dao.insertSecret(storeId, name, sealed, now);
            }
        });
    }

    /**
     * A secret of a store, decrypted.
     *
     * @throws UnreadableSecretException if it was sealed under another master key or altered
     */
    public Optional<Secret> secret(String storeId, String name) {
        Objects.requireNonNull(name, "name");
        return jdbi.withExtension(SecretDao.class, d -> d.secret(storeId, name))
                .map(sealed -> Secret.of(cipher.open(sealed, secretBinding(storeId, name),
                        "secret " + name + " of store " + storeId)));
    }

    /** Deletes one secret of a store; whether it existed. */
    public boolean deleteSecret(String storeId, String name) {
        return jdbi.withExtension(SecretDao.class, d -> d.deleteSecret(storeId, name)) > 0;
    }

    /**
     * Erases every secret of a store and every secret setting of both sides (on disconnect). Non-secret
     * settings stay.
     *
     * @return how many values were erased
     */
    public int eraseSecrets(String storeId) {
        return jdbi.inTransaction(h -> {
            SecretDao dao = h.attach(SecretDao.class);
            return dao.deleteSecrets(storeId) + dao.deleteSecretSettings(storeId);
        });
    }

    /**
     * Re-seals, under the current master key, every secret and secret setting that was sealed under
     * {@code previous} (key rotation: open the store with the new key, call this with the old one). Values
     * already under the current key are left alone; values under a third key are left alone too.
     *
     * @return how many values were re-sealed
     */
    public int reencryptSecrets(MasterKey previous) {
        Objects.requireNonNull(previous, "previous master key");
        SecretCipher old = new SecretCipher(previous);
        if (old.keyId().equals(cipher.keyId())) {
            return 0;
        }
        Instant now = now();
        return jdbi.inTransaction(h -> {
            SecretDao dao = h.attach(SecretDao.class);
            int count = 0;
            for (SecretDao.SecretRow row : dao.allSecrets()) {
                if (SecretCipher.sealedKeyId(row.sealedValue()).equals(old.keyId())) {
                    String binding = secretBinding(row.storeId(), row.secretName());
                    String plain = old.open(row.sealedValue(), binding,
                            "secret " + row.secretName() + " of store " + row.storeId());
                    dao.updateSecret(row.storeId(), row.secretName(), cipher.seal(plain, binding), now);
                    count++;
                }
            }
            for (SecretDao.SettingRow row : dao.allSecretSettings()) {
                if (SecretCipher.sealedKeyId(row.settingValue()).equals(old.keyId())) {
                    String binding = settingBinding(row.storeId(), row.side(), row.settingName());
                    String plain = old.open(row.settingValue(), binding,
                            "secret setting " + row.settingName() + " of store " + row.storeId());
                    dao.updateSetting(row.storeId(), row.side(), row.settingName(), cipher.seal(plain, binding), now);
                    count++;
                }
            }
            return count;
        });
    }

    private List<SecretDao.SettingRow> settingRows(String storeId, Side side, Map<String, String> values,
            Set<String> secretNames) {
        Require.storeId(storeId);
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(secretNames, "secretNames");
        List<SecretDao.SettingRow> rows = new ArrayList<>(values.size());
        values.forEach((name, value) -> {
            Require.text(name, "setting name", Limits.NAME);
            Objects.requireNonNull(value, () -> "value of setting " + name);
            boolean secret = secretNames.contains(name);
            String stored;
            if (secret) {
                stored = sealChecked(value, settingBinding(storeId, side, name), "secret setting " + name);
            } else {
                stored = Require.optionalText(value, "value of setting " + name, Limits.VALUE);
            }
            rows.add(new SecretDao.SettingRow(storeId, side, name, stored, secret));
        });
        return rows;
    }

    private String sealChecked(String plaintext, String binding, String what) {
        String sealed = cipher.seal(plaintext, binding);
        if (sealed.length() > Limits.SEALED) {
            // the length of the plain value is not a secret worth hiding; the value itself is not shown
            throw new IllegalArgumentException(what + " is too long to store (" + plaintext.length() + " characters)");
        }
        return sealed;
    }

    private static String settingBinding(String storeId, Side side, String name) {
        return "setting\u0000" + storeId + "\u0000" + side + "\u0000" + name;
    }

    private static String secretBinding(String storeId, String name) {
        return "secret\u0000" + storeId + "\u0000" + name;
    }

    // ---------------------------------------------------------------- one-time states

    /**
     * Creates a one-time state for a store (the {@code state} of a connect or credential-grant redirect):
     * 256 random bits, URL-safe base64. Only its SHA-256 is stored. Expired states are purged here.
     *
     * @param purpose what it is for, e.g. {@code connect}; {@link #consumeState} must name the same
     * @param ttl how long it stays valid; positive
     */
    public String createState(String storeId, String purpose, Duration ttl) {
        Require.text(purpose, "purpose", Limits.KIND);
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        String state = OneTimeStates.newState();
        Instant now = now();
        jdbi.useTransaction(h -> {
            requireStore(h.attach(StoreDao.class), storeId);
            OneTimeStateDao dao = h.attach(OneTimeStateDao.class);
            dao.deleteExpired(now);
            dao.insert(OneTimeStates.hash(state), storeId, purpose, now, now.plus(ttl));
        });
        return state;
    }

    /**
     * Uses a one-time state: the store it was created for, once, when it is unexpired and for this
     * purpose. Every later call with the same state, an expired one, an unknown one or one for another
     * purpose gets empty.
     */
    public Optional<String> consumeState(String state, String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (state == null || state.isEmpty() || state.length() > 200) {
            return Optional.empty();
        }
        String hash = OneTimeStates.hash(state);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            OneTimeStateDao dao = h.attach(OneTimeStateDao.class);
            return dao.use(hash, purpose, now) == 1 ? dao.storeId(hash) : Optional.<String>empty();
        });
    }

    // ---------------------------------------------------------------- entity mappings

    /**
     * The mappings of these source ids that exist, by source id. Meant for pages of about 100 ids; any
     * number works (queried in chunks of 200, each answered from the primary key).
     */
    public Map<String, Mapping> findMappings(String storeId, EntityKind kind, Collection<String> sourceIds) {
        Objects.requireNonNull(kind, "kind");
        List<String> ids = distinct(sourceIds);
        Map<String, Mapping> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbi.useHandle(h -> {
            MappingDao dao = h.attach(MappingDao.class);
            for (List<String> chunk : chunks(ids)) {
                for (Mapping m : dao.find(keys(storeId, kind, chunk))) {
                    found.put(m.sourceId(), m);
                }
            }
        });
        return found;
    }

    /** The mapping of one source id. */
    public Optional<Mapping> findMapping(String storeId, EntityKind kind, String sourceId) {
        Objects.requireNonNull(kind, "kind");
        return jdbi.withExtension(MappingDao.class, d -> d.find(storeId, kind, sourceId));
    }

    /** The mapping whose target id is this one (the first by source id if several are). */
    public Optional<Mapping> findMappingByTarget(String storeId, EntityKind kind, String targetId) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(targetId, "targetId");
        return jdbi.withExtension(MappingDao.class, d -> d.findByTarget(storeId, kind, targetId)).stream().findFirst();
    }

    /**
     * Inserts or replaces mappings, keyed by (store, kind, source id), in one transaction with JDBC
     * batches. {@code updatedAt} is set to now. When the list names the same key twice, the last wins.
     */
    public void upsertMappings(List<Mapping> mappings) {
        Objects.requireNonNull(mappings, "mappings");
        if (mappings.isEmpty()) {
            return;
        }
        Map<MappingKey, Mapping> byKey = new LinkedHashMap<>();
        Set<String> storeIds = new LinkedHashSet<>();
        for (Mapping m : mappings) {
            byKey.put(key(m), m);
            storeIds.add(m.storeId());
        }
        List<MappingKey> keys = List.copyOf(byKey.keySet());
        Instant now = now();
        jdbi.useTransaction(h -> {
            MappingDao dao = h.attach(MappingDao.class);
            StoreDao stores = h.attach(StoreDao.class);
            for (String storeId : storeIds) {
                requireStore(stores, storeId);
            }
            for (List<MappingKey> chunk : chunks(keys)) {
                Set<MappingKey> existing = new HashSet<>(dao.existing(chunk));
                List<Mapping> updates = new ArrayList<>();
                List<Mapping> inserts = new ArrayList<>();
                for (MappingKey key : chunk) {
                    (existing.contains(key) ? updates : inserts).add(byKey.get(key));
                }
                if (!updates.isEmpty()) {
                    dao.update(updates, now);
                }
                if (!inserts.isEmpty()) {
                    dao.insert(inserts, now);
                }
            }
        });
    }

    /**
     * Stamps the mappings of these source ids with a generation (a full pass saw them). Ids without a
     * mapping are ignored.
     *
     * @return how many mappings were stamped
     */
    public int markSeen(String storeId, EntityKind kind, Collection<String> sourceIds, long generation) {
        Objects.requireNonNull(kind, "kind");
        Require.notNegative(generation, "generation");
        List<String> ids = distinct(sourceIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            return sum(h.attach(MappingDao.class).markSeen(storeId, kind, ids, generation));
        });
    }

    /**
     * Up to {@code limit} mappings whose generation is lower than {@code generation} (not seen by that
     * full pass), ordered by source id: after a complete pass, what to delete at the target. Call again
     * after deleting them (or after marking them seen) to get the next ones.
     */
    public List<Mapping> unseenBefore(String storeId, EntityKind kind, long generation, int limit) {
        Objects.requireNonNull(kind, "kind");
        requirePositive(limit);
        return jdbi.withExtension(MappingDao.class, d -> d.unseenBefore(storeId, kind, generation, limit));
    }

    /**
     * Up to {@code limit} mappings ordered by source id, after {@code afterSourceId} (empty text for the
     * first page): walks every mapping of a kind.
     */
    public List<Mapping> mappingsAfter(String storeId, EntityKind kind, String afterSourceId, int limit) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(afterSourceId, "afterSourceId");
        requirePositive(limit);
        return jdbi.withExtension(MappingDao.class, d -> d.page(storeId, kind, afterSourceId, limit));
    }

    /** Deletes the mappings of these source ids; how many existed. */
    public int deleteMappings(String storeId, EntityKind kind, Collection<String> sourceIds) {
        Objects.requireNonNull(kind, "kind");
        List<String> ids = distinct(sourceIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            return sum(h.attach(MappingDao.class).delete(storeId, kind, ids));
        });
    }

    /** How many mappings of a kind a store has. */
    public long countMappings(String storeId, EntityKind kind) {
        Objects.requireNonNull(kind, "kind");
        return jdbi.withExtension(MappingDao.class, d -> d.count(storeId, kind));
    }

    // ---------------------------------------------------------------- cursors

    /** A store's cursor by name (e.g. {@code catalog.modified-since}). */
    public Optional<String> cursor(String storeId, String name) {
        Objects.requireNonNull(name, "name");
        return jdbi.withExtension(CursorDao.class, d -> d.find(storeId, name));
    }

    /** Sets a store's cursor (names at most 100 characters, values at most 4000). */
    public void saveCursor(String storeId, String name, String value) {
        Require.text(name, "cursor name", Limits.NAME);
        Objects.requireNonNull(value, "cursor value");
        Require.optionalText(value, "cursor value", Limits.VALUE);
        Instant now = now();
        jdbi.useTransaction(h -> {
            requireStore(h.attach(StoreDao.class), storeId);
            CursorDao dao = h.attach(CursorDao.class);
            if (dao.update(storeId, name, value, now) == 0) {
                dao.insert(storeId, name, value, now);
            }
        });
    }

    /** Removes a store's cursor (the next pass starts from the beginning); whether it existed. */
    public boolean deleteCursor(String storeId, String name) {
        return jdbi.withExtension(CursorDao.class, d -> d.delete(storeId, name)) > 0;
    }

    // ---------------------------------------------------------------- intents

    /**
     * Records that a non-idempotent remote write is about to be made. Committed before it returns (on
     * HSQLDB with the default URL settings, on disk).
     *
     * @param kind what the write is, e.g. {@code CREATE_ORDER}
     * @param key what it is about, e.g. the marketplace order id
     * @param payload what recovery needs; at most 1,000,000 characters
     * @throws IntentAlreadyOpenException if an intent for the same (store, kind, key) is open
     */
    public Intent openIntent(String storeId, String kind, String key, String payload) {
        Require.text(kind, "intent kind", Limits.KIND);
        Require.text(key, "intent key", Limits.ID);
        Objects.requireNonNull(payload, "payload");
        Require.optionalText(payload, "intent payload", Limits.PAYLOAD);
        Instant now = now();
        for (int attempt = 0; ; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    requireStore(h.attach(StoreDao.class), storeId);
                    IntentDao dao = h.attach(IntentDao.class);
                    Optional<Intent> open = dao.findOpen(storeId, kind, key);
                    if (open.isPresent()) {
                        throw new IntentAlreadyOpenException(open.get());
                    }
                    long id = dao.insert(storeId, kind, key, payload, now);
                    return dao.find(id).orElseThrow();
                });
            } catch (UnableToExecuteStatementException e) {
                // another runner opened the same intent between the check and the insert
                if (!isUniqueViolation(e) || attempt > 0) {
                    throw e;
                }
                Optional<Intent> open = findOpenIntent(storeId, kind, key);
                if (open.isPresent()) {
                    throw new IntentAlreadyOpenException(open.get());
                }
            }
        }
    }

    /**
     * Completes an open intent.
     *
     * @param resultText what the write produced (e.g. the shop order id); null when nothing; at most 4000
     *     characters
     * @return false when the intent was not open (unknown or already completed)
     */
    public boolean completeIntent(long id, String resultText) {
        Require.optionalText(resultText, "intent result", Limits.VALUE);
        Instant now = now();
        return jdbi.withExtension(IntentDao.class, d -> d.complete(id, resultText, now)) == 1;
    }

    /** An intent by id, open or completed. */
    public Optional<Intent> findIntent(long id) {
        return jdbi.withExtension(IntentDao.class, d -> d.find(id));
    }

    /** The open intent for (store, kind, key). */
    public Optional<Intent> findOpenIntent(String storeId, String kind, String key) {
        return jdbi.withExtension(IntentDao.class, d -> d.findOpen(storeId, kind, key));
    }

    /** A store's open intents, oldest first. */
    public List<Intent> openIntents(String storeId) {
        return jdbi.withExtension(IntentDao.class, d -> d.open(storeId));
    }

    /** Every open intent of every store, oldest first: what to resolve at start. */
    public List<Intent> openIntents() {
        return jdbi.withExtension(IntentDao.class, IntentDao::allOpen);
    }

    /** Deletes intents completed before an instant; how many. */
    public int pruneIntents(Instant completedBefore) {
        Objects.requireNonNull(completedBefore, "completedBefore");
        return jdbi.withExtension(IntentDao.class, d -> d.deleteCompleted(completedBefore));
    }

    // ---------------------------------------------------------------- dead letters

    /**
     * Records an item the engine gave up on. When the same (store, kind, item) is already dead-lettered,
     * that letter gets this reason and payload, one more attempt, and is pending again.
     *
     * @param reason why, for people; cut to 2000 characters
     * @param payload what a replay needs; at most 1,000,000 characters
     */
    public DeadLetter addDeadLetter(String storeId, String kind, String itemId, String reason, String payload) {
        Require.text(kind, "dead letter kind", Limits.KIND);
        Require.text(itemId, "item id", Limits.ID);
        String cut = Require.truncate(Objects.requireNonNull(reason, "reason"), Limits.MESSAGE);
        Objects.requireNonNull(payload, "payload");
        Require.optionalText(payload, "dead letter payload", Limits.PAYLOAD);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            requireStore(h.attach(StoreDao.class), storeId);
            DeadLetterDao dao = h.attach(DeadLetterDao.class);
            if (dao.failAgain(storeId, kind, itemId, cut, payload) == 0) {
                dao.insert(storeId, kind, itemId, cut, payload, now);
            }
            return dao.find(storeId, kind, itemId).orElseThrow();
        });
    }

    /** Every dead letter, oldest first. */
    public List<DeadLetter> deadLetters() {
        return jdbi.withExtension(DeadLetterDao.class, DeadLetterDao::all);
    }

    /** A store's dead letters, oldest first. */
    public List<DeadLetter> deadLetters(String storeId) {
        return jdbi.withExtension(DeadLetterDao.class, d -> d.ofStore(storeId));
    }

    /** A dead letter by id. */
    public Optional<DeadLetter> findDeadLetter(long id) {
        return jdbi.withExtension(DeadLetterDao.class, d -> d.find(id));
    }

    /** Notes that a dead letter was replayed now; false when it does not exist. */
    public boolean markReplayed(long id) {
        Instant now = now();
        return jdbi.withExtension(DeadLetterDao.class, d -> d.markReplayed(id, now)) == 1;
    }

    /** Deletes a dead letter (e.g. after a successful replay); whether it existed. */
    public boolean deleteDeadLetter(long id) {
        return jdbi.withExtension(DeadLetterDao.class, d -> d.delete(id)) == 1;
    }

    /**
     * Resolves the dead letters of these items (a later pass wrote them after all): they are deleted, as
     * after a successful replay. Items without a dead letter are ignored. One JDBC batch.
     *
     * @return how many dead letters were resolved
     */
    public int resolveDeadLetters(String storeId, String kind, Collection<String> itemIds) {
        Objects.requireNonNull(kind, "kind");
        List<String> ids = distinct(itemIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> sum(h.attach(DeadLetterDao.class).deleteItems(storeId, kind, ids)));
    }

    // ---------------------------------------------------------------- sync runs

    /** Records that a run starts now. */
    public SyncRun startRun(String storeId, RunKind kind) {
        Objects.requireNonNull(kind, "kind");
        Instant now = now();
        return jdbi.inTransaction(h -> {
            requireStore(h.attach(StoreDao.class), storeId);
            SyncRunDao dao = h.attach(SyncRunDao.class);
            return dao.find(dao.insert(storeId, kind, now)).orElseThrow();
        });
    }

    /**
     * Records that a running run finished now.
     *
     * @param status {@link RunStatus#SUCCEEDED} or {@link RunStatus#FAILED}
     * @param errorMessage why it failed; null when it did not; cut to 2000 characters
     * @return the run; unchanged when it had already finished
     * @throws IllegalArgumentException if the run does not exist or the status is RUNNING
     */
    public SyncRun finishRun(long runId, RunStatus status, RunCounts counts, String errorMessage) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(counts, "counts");
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run finishes as SUCCEEDED or FAILED, not RUNNING");
        }
        String cut = Require.truncate(errorMessage, Limits.MESSAGE);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            SyncRunDao dao = h.attach(SyncRunDao.class);
            dao.finish(runId, status, counts, cut, now);
            return dao.find(runId).orElseThrow(() -> new IllegalArgumentException("no sync run with id " + runId));
        });
    }

    /** A run by id. */
    public Optional<SyncRun> findRun(long runId) {
        return jdbi.withExtension(SyncRunDao.class, d -> d.find(runId));
    }

    /** A store's latest runs, newest first. */
    public List<SyncRun> recentRuns(String storeId, int limit) {
        requirePositive(limit);
        return jdbi.withExtension(SyncRunDao.class, d -> d.recent(storeId, limit));
    }

    /**
     * Marks every RUNNING run of every store FAILED ("interrupted"): for a single runner at start. Runners
     * sharing a database use {@link #failAbandonedRuns(String)} after taking a store's lease instead.
     *
     * @return how many runs were marked
     */
    public int failAbandonedRuns() {
        Instant now = now();
        return jdbi.withExtension(SyncRunDao.class, d -> d.failRunning("interrupted", now));
    }

    /** Marks a store's RUNNING runs FAILED ("interrupted"); call while holding its lease. How many. */
    public int failAbandonedRuns(String storeId) {
        Instant now = now();
        return jdbi.withExtension(SyncRunDao.class, d -> d.failRunning(storeId, "interrupted", now));
    }

    /** Deletes finished runs started before an instant; how many. */
    public int pruneRuns(Instant startedBefore) {
        Objects.requireNonNull(startedBefore, "startedBefore");
        return jdbi.withExtension(SyncRunDao.class, d -> d.deleteFinished(startedBefore));
    }

    // ---------------------------------------------------------------- webhook deliveries

    /**
     * Records a webhook delivery id; true only the first time it is seen for (store, source), also across
     * runners sharing the database.
     *
     * @param source where it came from, e.g. the connector id
     * @param deliveryKey the remote's delivery id; at most 255 characters
     */
    public boolean recordDelivery(String storeId, String source, String deliveryKey) {
        Require.storeId(storeId);
        Require.text(source, "delivery source", Limits.KIND);
        Require.text(deliveryKey, "delivery key", Limits.ID);
        Instant now = now();
        try {
            jdbi.useExtension(DeliveryDao.class, d -> d.insert(storeId, source, deliveryKey, now));
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            if (findStore(storeId).isEmpty()) {
                throw new UnknownStoreException(storeId);
            }
            throw e;
        }
    }

    /** Forgets deliveries received before an instant; how many. */
    public int pruneDeliveries(Instant before) {
        Objects.requireNonNull(before, "before");
        return jdbi.withExtension(DeliveryDao.class, d -> d.deleteBefore(before));
    }

    // ---------------------------------------------------------------- leases

    /**
     * Takes a store's work lease for {@code ttl} when nobody holds it, it expired, or this owner holds it
     * already (then it is extended). Atomic across runners sharing the database.
     *
     * @return whether this owner holds the lease now
     */
    public boolean tryAcquireLease(String storeId, String owner, Duration ttl) {
        Require.text(owner, "lease owner", Limits.NAME);
        Instant now = now();
        Instant expiresAt = now.plus(positive(ttl));
        if (jdbi.withExtension(LeaseDao.class, d -> d.takeOver(storeId, owner, expiresAt, now)) == 1) {
            return true;
        }
        try {
            jdbi.useExtension(LeaseDao.class, d -> d.insert(storeId, owner, expiresAt));
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                return false;
            }
            if (findStore(storeId).isEmpty()) {
                throw new UnknownStoreException(storeId);
            }
            throw e;
        }
    }

    /**
     * Extends the lease this owner holds to now + {@code ttl}.
     *
     * @return false when this owner does not hold it (another runner took it over after it expired)
     */
    public boolean renewLease(String storeId, String owner, Duration ttl) {
        Objects.requireNonNull(owner, "owner");
        Instant expiresAt = now().plus(positive(ttl));
        return jdbi.withExtension(LeaseDao.class, d -> d.renew(storeId, owner, expiresAt)) == 1;
    }

    /** Gives up the lease if this owner holds it; whether it did. */
    public boolean releaseLease(String storeId, String owner) {
        Objects.requireNonNull(owner, "owner");
        return jdbi.withExtension(LeaseDao.class, d -> d.release(storeId, owner)) == 1;
    }

    /** Who holds a store's lease (possibly expired). */
    public Optional<Lease> lease(String storeId) {
        return jdbi.withExtension(LeaseDao.class, d -> d.find(storeId));
    }

    // ---------------------------------------------------------------- lifecycle

    /** Whether the database answers a cheap query; never throws. */
    public boolean healthy() {
        if (closed) {
            return false;
        }
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM store_leases WHERE 1 = 0")
                    .mapTo(Integer.class).one()) == 0;
        } catch (RuntimeException e) {
            LOG.warn("State store health check failed: {}", e.toString());
            return false;
        }
    }

    /**
     * Closes the store. For a store opened on an HSQLDB URL this shuts the database down cleanly; a
     * host-supplied {@code DataSource} is left open. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(onClose);
    }

    /** The current time, at the millisecond precision the database keeps. */
    private Instant now() {
        if (closed) {
            throw new IllegalStateException("the state store is closed");
        }
        return Instant.ofEpochMilli(clock.millis());
    }

    private static void requireStore(StoreDao dao, String storeId) {
        Require.storeId(storeId);
        if (dao.count(storeId) == 0) {
            throw new UnknownStoreException(storeId);
        }
    }

    private static Duration positive(Duration ttl) {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        return ttl;
    }

    private static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
    }

    private static List<String> distinct(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids");
        Set<String> set = new LinkedHashSet<>(ids.size());
        for (String id : ids) {
            set.add(Objects.requireNonNull(id, "id"));
        }
        return List.copyOf(set);
    }

    private static MappingKey key(Mapping m) {
        return new MappingKey(m.storeId(), m.kind(), m.sourceId());
    }

    private static List<MappingKey> keys(String storeId, EntityKind kind, List<String> sourceIds) {
        return sourceIds.stream().map(id -> new MappingKey(storeId, kind, id)).toList();
    }

    /** The rows a JDBC batch changed (a driver that cannot tell, SUCCESS_NO_INFO, counts as one). */
    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
        }
        return total;
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += IN_CHUNK) {
            chunks.add(items.subList(i, Math.min(items.size(), i + IN_CHUNK)));
        }
        return chunks;
    }

    /** Whether a failure was a unique/primary-key violation (SQLSTATE 23505 on HSQLDB and PostgreSQL). */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(s.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing the state store failed: {}", e.toString());
        }
    }
}
