package com.golisto.sync.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code store_settings} and {@code store_secrets} tables: everything that may hold a secret. */
@RegisterConstructorMapper(SecretDao.SettingRow.class)
@RegisterConstructorMapper(SecretDao.SecretRow.class)
interface SecretDao {

    /** A settings row as stored (secret values still sealed); {@code origin}: a {@code SettingOrigin} column value. */
    record SettingRow(String storeId, Side side, String settingName, String settingValue, boolean secret,
            String origin) {
    }

    /** A secrets row as stored (sealed). */
    record SecretRow(String storeId, String secretName, String sealedValue) {
    }

    @SqlQuery("""
            SELECT store_id, side, setting_name, setting_value, secret, origin FROM store_settings
            WHERE store_id = :storeId AND side = :side ORDER BY setting_name
            """)
    List<SettingRow> settings(@Bind("storeId") String storeId, @Bind("side") Side side);

    @SqlQuery("""
            SELECT store_id, side, setting_name, setting_value, secret, origin FROM store_settings
            WHERE secret = TRUE ORDER BY store_id, side, setting_name
            """)
    List<SettingRow> allSecretSettings();

    @SqlUpdate("DELETE FROM store_settings WHERE store_id = :storeId AND side = :side")
    int deleteSettings(@Bind("storeId") String storeId, @Bind("side") Side side);

    @SqlBatch("DELETE FROM store_settings WHERE store_id = :storeId AND side = :side AND setting_name = :settingName")
    void deleteSettings(@BindMethods List<SettingRow> rows);

    @SqlBatch("""
            INSERT INTO store_settings (store_id, side, setting_name, setting_value, secret, origin, updated_at)
            VALUES (:storeId, :side, :settingName, :settingValue, :secret, :origin, :now)
            """)
    void insertSettings(@BindMethods List<SettingRow> rows, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE store_settings SET setting_value = :value, updated_at = :now
            WHERE store_id = :storeId AND side = :side AND setting_name = :name
            """)
    int updateSetting(@Bind("storeId") String storeId, @Bind("side") Side side, @Bind("name") String name,
            @Bind("value") String value, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM store_settings WHERE store_id = :storeId AND secret = TRUE")
    int deleteSecretSettings(@Bind("storeId") String storeId);

    @SqlQuery("SELECT sealed_value FROM store_secrets WHERE store_id = :storeId AND secret_name = :name")
    Optional<String> secret(@Bind("storeId") String storeId, @Bind("name") String name);

    @SqlQuery("SELECT store_id, secret_name, sealed_value FROM store_secrets ORDER BY store_id, secret_name")
    List<SecretRow> allSecrets();

    @SqlUpdate("""
            UPDATE store_secrets SET sealed_value = :sealed, updated_at = :now
            WHERE store_id = :storeId AND secret_name = :name
            """)
    int updateSecret(@Bind("storeId") String storeId, @Bind("name") String name, @Bind("sealed") String sealed,
            @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO store_secrets (store_id, secret_name, sealed_value, updated_at)
            VALUES (:storeId, :name, :sealed, :now)
            """)
    void insertSecret(@Bind("storeId") String storeId, @Bind("name") String name, @Bind("sealed") String sealed,
            @Bind("now") Instant now);

    @SqlQuery("""
            SELECT sealed_value FROM store_secrets
            UNION ALL SELECT setting_value FROM store_settings WHERE secret = TRUE
            """)
    List<String> allSealedValues();

    @SqlUpdate("DELETE FROM store_secrets WHERE store_id = :storeId AND secret_name = :name")
    int deleteSecret(@Bind("storeId") String storeId, @Bind("name") String name);

    @SqlUpdate("DELETE FROM store_secrets WHERE store_id = :storeId")
    int deleteSecrets(@Bind("storeId") String storeId);
}
