package com.example.golisto.jsonshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingProblem;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The descriptor, its settings validation and the module's declaration of the provider. */
class JsonShopConnectorProviderTest {
    private final JsonShopConnectorProvider provider = new JsonShopConnectorProvider();

    @Test
    void descriptor_namesTheProvidersIdAndTheCapabilitiesItOffers() {
        assertThat(provider.descriptor().id()).isEqualTo(provider.id()).isEqualTo("json-shop");
        assertThat(provider.descriptor().capabilities())
                .containsExactlyInAnyOrder(Capability.CATALOG_SOURCE, Capability.STORE_INFO,
                        Capability.CREDENTIAL_ISSUER);
        assertThat(provider.descriptor().setting("api-key")).get().satisfies(s -> assertThat(s.secret()).isTrue());
    }

    @Test
    void validate_namesEveryMissingSetting() {
        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
                () -> provider.descriptor().validate(Map.of()));

        assertThat(e.problems()).extracting(SettingProblem::setting).containsExactlyInAnyOrder("url", "api-key");
    }

    @Test
    void validate_namesEveryValueThatDoesNotParse_andEveryUnknownSetting() {
        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, () -> provider.descriptor()
                .validate(Map.of("url", "shop.example/api", "api-key", "k", "page-size", "many", "colour", "red")));

        assertThat(e.problems()).extracting(SettingProblem::setting)
                .containsExactlyInAnyOrder("url", "page-size", "colour");
    }

    @Test
    void theModule_providesTheConnectorProvider() {
        ModuleDescriptor module = JsonShopConnectorProvider.class.getModule().getDescriptor();

        assertThat(module).as("the tests run on the module path").isNotNull();
        assertThat(module.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo(ConnectorProvider.class.getName());
            assertThat(p.providers()).containsExactly(JsonShopConnectorProvider.class.getName());
        });
        assertThat(module.exports()).isEmpty();
    }
}
