package com.golisto.sync.connector.golisto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.sandbox.http.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class GolistoConnectorProviderTest {

    private final GolistoConnectorProvider provider = new GolistoConnectorProvider();

    @Test
    void serviceLoader_findsTheProvider_byItsId() {
        // the engine declares `uses`; this test module does so at run time to play the engine
        getClass().getModule().addUses(ConnectorProvider.class);

        assertThat(ServiceLoader.load(ConnectorProvider.class).stream().map(ServiceLoader.Provider::get))
                .anySatisfy(p -> {
                    assertThat(p.id()).isEqualTo("golisto");
                    assertThat(p).isInstanceOf(GolistoConnectorProvider.class);
                });
    }

    @Test
    void provider_isDeclaredForTheModulePath_andTheClassPath() throws IOException {
        ModuleDescriptor descriptor = GolistoConnectorProvider.class.getModule().getDescriptor();
        assertThat(descriptor.provides()).anySatisfy(p -> {
            assertThat(p.service()).isEqualTo(ConnectorProvider.class.getName());
            assertThat(p.providers()).containsExactly(GolistoConnectorProvider.class.getName());
        });
        assertThat(descriptor.exports()).isEmpty();
        try (InputStream services = GolistoConnectorProvider.class.getModule()
                .getResourceAsStream("META-INF/services/" + ConnectorProvider.class.getName())) {
            assertThat(new String(services.readAllBytes(), StandardCharsets.UTF_8).trim())
                    .isEqualTo(GolistoConnectorProvider.class.getName());
        }
    }

    @Test
    void descriptor_offersTheMarketplaceCapabilities_andMarksTheTokenSecret() {
        assertThat(provider.descriptor().id()).isEqualTo(provider.id());
        assertThat(provider.descriptor().capabilities()).containsExactlyInAnyOrder(Capability.CONNECTION_LIFECYCLE,
                Capability.CATALOG_TARGET, Capability.ORDER_SOURCE, Capability.WEBHOOK_RECEIVER);
        assertThat(provider.descriptor().setting("api-token")).hasValueSatisfying(s -> assertThat(s.secret()).isTrue());
        assertThat(provider.descriptor().settings()).extracting(SettingSpec::name).contains("api-url", "web-url",
                "connection-id", "api-token", "request-timeout", "page-size", "rate-limit-pause");
    }

    @Test
    void defaults_pointAtProductionHosts() {
        Settings settings = provider.descriptor().validate(Map.of());

        assertThat(settings.url("api-url")).hasValueSatisfying(u -> assertThat(u.toString())
                .isEqualTo("https://api.golisto.com"));
        assertThat(settings.url("web-url")).hasValueSatisfying(u -> assertThat(u.toString())
                .isEqualTo("https://golisto.com"));
    }

    @Test
    void open_pageSizeAboveGolistosLimit_isRefusedWithTheSettingNamed() {
        Settings settings = provider.descriptor().validate(Map.of("page-size", "101"));

        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
                () -> provider.open(settings, new TestingConnectorContext(
                        MutableClock.at(Instant.EPOCH))));

        assertThat(e.problems()).extracting(SettingProblem::setting).containsExactly("page-size");
    }

    @Test
    void open_offersEachCapability_asTheSameInstance_andNothingOfAShop() {
        try (TestingConnectorContext context = new TestingConnectorContext(
                MutableClock.at(Instant.EPOCH))) {
            Settings settings = provider.descriptor().validate(Map.of("api-token", "gol_secret_value_123"));
            Connector connector = provider.open(settings, context);

            assertThat(connector.catalogTarget().orElseThrow()).isSameAs(connector.catalogTarget().orElseThrow());
            assertThat(connector.orderSource()).isPresent();
            assertThat(connector.webhookReceiver()).isPresent();
            assertThat(connector.connectionLifecycle()).isPresent();
            assertThat(connector.catalogSource()).isEmpty();
            assertThat(connector.orderTarget()).isEmpty();
            assertThat(settings.toString()).doesNotContain("gol_secret_value_123");
            assertThat(connector.toString()).doesNotContain("gol_secret_value_123");
        }
    }
}
