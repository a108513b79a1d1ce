package com.golisto.sync.core.store;

import com.golisto.sync.api.spi.Secret;
import com.golisto.sync.core.MasterKey;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Optional;

/**
 * The secrets of each store beyond its settings (webhook secret, tokens; {@code store_secrets} table),
 * always sealed, plus what concerns every sealed value: erasing a store's secrets on disconnect and
 * re-sealing after a master-key rotation. Obtained from {@link StateStore#secrets()}. Thread-safe; each
 * method is one transaction.
 */
public final class SecretStore {

    private final Database db;
    private final Sealing sealing;

    SecretStore(Database db, Sealing sealing) {
        this.db = db;
        this.sealing = sealing;
    }

    /** Stores (or replaces) a secret of a store, sealed. Names: at most 100 characters. */
    public void put(String storeId, String name, Secret secret) {
        Require.text(name, "secret name", Limits.NAME);
        Objects.requireNonNull(secret, "secret");
        String sealed = sealing.sealChecked(secret.reveal(), Sealing.secretBinding(storeId, name), "secret " + name);
        Instant now = db.now();
        db.jdbi().useTransaction(h -> {
            Database.requireStore(h.attach(StoreDao.class), storeId);
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
    public Optional<Secret> find(String storeId, String name) {
        Objects.requireNonNull(name, "name");
        return db.jdbi().withExtension(SecretDao.class, d -> d.secret(storeId, name))
                .map(sealed -> Secret.of(sealing.cipher().open(sealed, Sealing.secretBinding(storeId, name),
                        "secret " + name + " of store " + storeId)));
    }

    /** Deletes one secret of a store; whether it existed. */
    public boolean delete(String storeId, String name) {
        return db.jdbi().withExtension(SecretDao.class, d -> d.deleteSecret(storeId, name)) > 0;
    }

    /**
     * Erases every secret of a store and every secret setting of both sides (on disconnect). Non-secret
     * settings stay.
     *
     * @return how many values were erased
     */
    public int eraseAll(String storeId) {
        return db.jdbi().inTransaction(h -> {
            SecretDao dao = h.attach(SecretDao.class);
            return dao.deleteSecrets(storeId) + dao.deleteSecretSettings(storeId);
        });
    }

    /**
     * How many sealed values (secrets and secret settings of every store) the store holds per id of the
     * master key that sealed them; empty when it holds none. Values not in the sealed format count under
     * {@code "?"}.
     */
    public Map<String, Integer> sealedCountsByKey() {
        Map<String, Integer> counts = new TreeMap<>();
        for (String sealed : db.jdbi().withExtension(SecretDao.class, SecretDao::allSealedValues)) {
            String keyId = SecretCipher.sealedKeyId(sealed);
            counts.merge(keyId.isEmpty() ? "?" : keyId, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Re-seals, under the current master key, every secret and secret setting that was sealed under
     * {@code previous} (key rotation: open the store with the new key, call this with the old one). Values
     * already under the current key are left alone; values under a third key are left alone too.
     *
     * @return how many values were re-sealed
     */
    public int reencrypt(MasterKey previous) {
        Objects.requireNonNull(previous, "previous master key");
        SecretCipher old = new SecretCipher(previous);
        SecretCipher current = sealing.cipher();
        if (old.keyId().equals(current.keyId())) {
            return 0;
        }
        Instant now = db.now();
        return db.jdbi().inTransaction(h -> {
            SecretDao dao = h.attach(SecretDao.class);
            int count = 0;
            for (SecretDao.SecretRow row : dao.allSecrets()) {
                if (SecretCipher.sealedKeyId(row.sealedValue()).equals(old.keyId())) {
                    String binding = Sealing.secretBinding(row.storeId(), row.secretName());
                    String plain = old.open(row.sealedValue(), binding,
                            "secret " + row.secretName() + " of store " + row.storeId());
                    dao.updateSecret(row.storeId(), row.secretName(), current.seal(plain, binding), now);
                    count++;
                }
            }
            for (SecretDao.SettingRow row : dao.allSecretSettings()) {
                if (SecretCipher.sealedKeyId(row.settingValue()).equals(old.keyId())) {
                    String binding = Sealing.settingBinding(row.storeId(), row.side(), row.settingName());
                    String plain = old.open(row.settingValue(), binding,
                            "secret setting " + row.settingName() + " of store " + row.storeId());
                    dao.updateSetting(row.storeId(), row.side(), row.settingName(), current.seal(plain, binding),
                            now);
                    count++;
                }
            }
            return count;
        });
    }
}
