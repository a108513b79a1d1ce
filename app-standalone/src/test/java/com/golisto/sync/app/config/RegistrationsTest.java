package com.golisto.sync.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.core.SettingOrigin;
import com.golisto.sync.core.StoreRegistration;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A store declared in the file is registered as the file's truth; one given through the API or CLI is not. */
class RegistrationsTest {

    private final GolistoConfig golisto = new GolistoConfig(URI.create("https://api.golisto.example"),
            URI.create("https://golisto.example"), Duration.ofMinutes(1), 4096);

    @Test
    void declaredStore_isAConfigRegistration_withTheGolistoSettings() {
        StoreRegistration r = Registrations.of(new StoreConfig("my-shop", Map.of("url", "https://shop.example")),
                golisto);

        assertThat(r.origin()).isEqualTo(SettingOrigin.CONFIG);
        assertThat(r.shopSettings()).containsExactly(Map.entry("url", "https://shop.example"));
        assertThat(r.marketplaceSettings()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "api-url", "https://api.golisto.example", "web-url", "https://golisto.example",
                "max-response-bytes", "4096"));
    }

    @Test
    void storeGivenThroughTheApi_isAnApiRegistration() {
        assertThat(Registrations.of("my-shop", Map.of("url", "https://shop.example"), golisto).origin())
                .isEqualTo(SettingOrigin.API);
    }
}
