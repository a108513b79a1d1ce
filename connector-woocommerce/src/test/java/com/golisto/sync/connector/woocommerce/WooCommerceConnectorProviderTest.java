package com.golisto.sync.connector.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.Settings;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WooCommerceConnectorProviderTest {

    private final WooCommerceConnectorProvider provider = new WooCommerceConnectorProvider();

    @Test
    void provider_isDeclaredForTheModulePathAndTheClassPath() throws Exception {
        // the module path: module-info provides it (a consumer module "uses" it and ServiceLoader finds it)
        Module module = WooCommerceConnectorProvider.class.getModule();
        if (module.isNamed()) {
            assertThat(module.getDescriptor().provides()).anySatisfy(p -> {
                assertThat(p.service()).isEqualTo(ConnectorProvider.class.getName());
                assertThat(p.providers()).containsExactly(WooCommerceConnectorProvider.class.getName());
            });
            assertThat(module.getDescriptor().exports()).isEmpty();
        }
        // the class path: META-INF/services lists it
        try (var in = WooCommerceConnectorProvider.class.getResourceAsStream(
                "/META-INF/services/" + ConnectorProvider.class.getName())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim())
                    .isEqualTo(WooCommerceConnectorProvider.class.getName());
        }
        assertThat(provider.id()).isEqualTo("woocommerce").isEqualTo(provider.descriptor().id());
    }

    @Test
    void descriptor_offersEveryShopCapability() {
        assertThat(provider.descriptor().capabilities()).containsExactlyInAnyOrder(Capability.CATALOG_SOURCE,
                Capability.ORDER_TARGET, Capability.WEBHOOK_RECEIVER, Capability.WEBHOOK_SUBSCRIPTIONS,
                Capability.CREDENTIAL_ISSUER, Capability.STORE_INFO);
        assertThat(provider.descriptor().setting("consumer-secret").orElseThrow().secret()).isTrue();
        assertThat(provider.descriptor().setting("consumer-key").orElseThrow().secret()).isTrue();
        assertThat(provider.descriptor().setting("max-concurrency").orElseThrow().defaultValue()).isEqualTo("4");
    }

    @Test
    void open_offersEveryCapability_withoutNetworkIo() {
        Settings s = provider.descriptor().validate(Map.of("url", "https://shop.example", "consumer-key", "ck_a",
                "consumer-secret", "cs_b"));
        try (Connector c = provider.open(s, TestingContext.of(Clock.systemUTC()))) {
            assertThat(c.catalogSource()).isPresent();
            assertThat(c.orderTarget()).isPresent();
            assertThat(c.webhookReceiver()).isPresent();
            assertThat(c.webhookSubscriptions()).isPresent();
            assertThat(c.credentialIssuer()).isPresent();
            assertThat(c.storeInfo()).isPresent();
            assertThat(c.catalogTarget()).isEmpty();
        }
    }

    @Test
    void settings_areCheckedTogether_everyProblemAtOnce_withoutRepeatingSecrets() {
        Settings s = provider.descriptor().validate(Map.of("url", "http://shop.example", "consumer-key", "ck_a",
                "auth", "basic", "page-size", "250", "max-concurrency", "0"));
        assertThatThrownBy(() -> provider.open(s, TestingContext.of(Clock.systemUTC())))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> {
                    assertThat(e.problems()).extracting(SettingProblem::setting)
                            .contains("consumer-secret", "auth", "page-size", "max-concurrency");
                    assertThat(e.getMessage()).doesNotContain("ck_a");
                });
    }

    @Test
    void config_toStringMasksTheKeyAndHidesTheSecret() {
        WooCommerceConfig config = WooCommerceConfig.from(provider.descriptor().validate(Map.of(
                "url", "https://shop.example/", "consumer-key", "ck_0123456789abcdef", "consumer-secret",
                "cs_topsecret_value")));
        assertThat(config.storeUrl().toString()).isEqualTo("https://shop.example");
        assertThat(config.toString()).doesNotContain("cs_topsecret_value").doesNotContain("ck_0123456789abcdef");
        assertThat(config.effectiveAuth()).isEqualTo(WooCommerceConfig.Auth.BASIC);
    }
}
