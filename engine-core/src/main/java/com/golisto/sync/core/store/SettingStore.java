package com.golisto.sync.core.store;

import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.core.SettingOrigin;
import com.golisto.sync.api.spi.Settings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The connector settings of each store, per side ({@code store_settings} table); the secret ones are
 * sealed under the master key before they reach the database. Each setting records where it came from
 * ({@link SettingOrigin}), so that a registration from the configuration file can tell its own settings from
 * those a flow obtained. Obtained from {@link StateStore#settings()}. Thread-safe; each method is one
 * transaction.
 */
public final class SettingStore {

    private final Database db;
    private final Sealing sealing;

    SettingStore(Database db, Sealing sealing) {
        this.db = db;
        this.sealing = sealing;
    }

    /**
     * Replaces every setting of one side of a store, all of origin {@link SettingOrigin#API}. Values named in
     * {@code secretNames} are sealed.
     *
     * @param values setting name to raw value (values at most 4000 characters; secrets at most about 5000)
     * @param secretNames which of the names are secret (names not in {@code values} are ignored)
     */
    public void save(String storeId, Side side, Map<String, String> values, Set<String> secretNames) {
        save(storeId, side, values, secretNames, Map.of());
    }

    /**
     * Replaces every setting of one side of a store, each with its origin. Values named in {@code secretNames}
     * are sealed.
     *
     * @param values setting name to raw value (values at most 4000 characters; secrets at most about 5000)
     * @param secretNames which of the names are secret (names not in {@code values} are ignored)
     * @param origins where each setting came from; a name not in it is {@link SettingOrigin#API}
     */
    public void save(String storeId, Side side, Map<String, String> values, Set<String> secretNames,
            Map<String, SettingOrigin> origins) {
        Objects.requireNonNull(origins, "origins");
        List<SecretDao.SettingRow> rows = rows(storeId, side, values, secretNames,
                name -> origins.getOrDefault(name, SettingOrigin.API));
        Instant now = db.now();
        replacing(() -> db.jdbi().useTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            SecretDao dao = h.attach(SecretDao.class);
            dao.deleteSettings(storeId, side);
            if (!rows.isEmpty()) {
                dao.insertSettings(rows, now);
            }
        }));
    }

    /**
     * Replaces every setting of one side with validated settings: their raw values, secrets being the
     * settings the descriptor declares secret.
     */
    public void save(String storeId, Side side, Settings settings) {
        Set<String> secretNames = new HashSet<>();
        for (SettingSpec spec : settings.descriptor().settings()) {
            if (spec.secret()) {
                secretNames.add(spec.name());
            }
        }
        save(storeId, side, settings.rawValues(), secretNames);
    }

    /**
     * Adds or overrides some settings a flow obtained (API keys the shop granted, the marketplace token),
     * keeping the others: they are {@link SettingOrigin#OBTAINED}, so a registration from the configuration
     * file keeps them. A name's secrecy is as given here (an overridden secret setting given without its name
     * in {@code secretNames} is stored plain).
     */
    public void merge(String storeId, Side side, Map<String, String> values, Set<String> secretNames) {
        merge(storeId, side, values, secretNames, SettingOrigin.OBTAINED);
    }

    /** Adds or overrides some settings of one side with the given origin, keeping the others. */
    public void merge(String storeId, Side side, Map<String, String> values, Set<String> secretNames,
            SettingOrigin origin) {
        Objects.requireNonNull(origin, "origin");
        List<SecretDao.SettingRow> rows = rows(storeId, side, values, secretNames, name -> origin);
        if (rows.isEmpty()) {
            return;
        }
        Instant now = db.now();
        replacing(() -> db.jdbi().useTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
            SecretDao dao = h.attach(SecretDao.class);
            dao.deleteSettings(rows);
            dao.insertSettings(rows, now);
        }));
    }

    /**
     * Runs a delete-then-insert transaction, again when it met another node's rows for the same keys: two runners
     * registering the same store at once both delete before either inserts, and the second insert meets the first's
     * rows once they are committed; the transaction run again deletes them.
     */
    private static void replacing(Runnable transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.run();
                return;
            } catch (UnableToExecuteStatementException e) {
                if (!Database.isUniqueViolation(e) || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /**
     * The settings of one side of a store, secrets decrypted; empty when none were saved. The map is a
     * raw-settings map for {@code ConnectorDescriptor.validate}: keep it out of logs.
     *
     * @throws UnreadableSecretException if a secret was sealed under another master key or altered
     */
    public Map<String, String> load(String storeId, Side side) {
        Objects.requireNonNull(side, "side");
        List<SecretDao.SettingRow> rows = db.jdbi().withExtension(SecretDao.class, d -> d.settings(storeId, side));
        Map<String, String> values = new LinkedHashMap<>();
        for (SecretDao.SettingRow row : rows) {
            values.put(row.settingName(), row.secret()
                    ? sealing.cipher().open(row.settingValue(), Sealing.settingBinding(storeId, side, row.settingName()),
                            "secret setting " + row.settingName() + " (" + side + ") of store " + storeId)
                    : row.settingValue());
        }
        return values;
    }

    /** Where each setting of one side came from; empty when none were saved. Reads no secret. */
    public Map<String, SettingOrigin> origins(String storeId, Side side) {
        Objects.requireNonNull(side, "side");
        List<SecretDao.SettingRow> rows = db.jdbi().withExtension(SecretDao.class, d -> d.settings(storeId, side));
        Map<String, SettingOrigin> origins = new LinkedHashMap<>();
        for (SecretDao.SettingRow row : rows) {
            origins.put(row.settingName(), SettingOrigin.ofColumnValue(row.origin()));
        }
        return origins;
    }

    private List<SecretDao.SettingRow> rows(String storeId, Side side, Map<String, String> values,
            Set<String> secretNames, Function<String, SettingOrigin> originOf) {
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
                stored = sealing.sealChecked(value, Sealing.settingBinding(storeId, side, name), "secret setting " + name);
            } else {
                stored = Require.maxLength(value, "value of setting " + name, Limits.VALUE);
            }
            rows.add(new SecretDao.SettingRow(storeId, side, name, stored, secret, originOf.apply(name).columnValue()));
        });
        return rows;
    }
}
