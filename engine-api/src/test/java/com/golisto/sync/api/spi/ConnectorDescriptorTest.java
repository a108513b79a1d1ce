package com.golisto.sync.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectorDescriptorTest {

    private static final ConnectorDescriptor SHOP = new ConnectorDescriptor("shop", "Shop", "1.0", SpiVersion.CURRENT,
            Set.of(Capability.CATALOG_SOURCE),
            List.of(SettingSpec.required("url", SettingType.URL, "The shop's home URL."),
                    SettingSpec.secret("api-secret", true, "The API secret."),
                    SettingSpec.optional("max-concurrency", SettingType.INTEGER, "4", "Requests at once."),
                    SettingSpec.optional("timeout", SettingType.DURATION, "PT30S", "Request timeout."),
                    SettingSpec.optional("verbose", SettingType.BOOLEAN, null, "Log more.")));

    @Test
    void validate_fillsDefaults_andTypesValues() {
        Settings s = SHOP.validate(Map.of("url", "https://shop.example", "api-secret", "cs_123"));
        assertThat(s.url("url")).hasValueSatisfying(u -> assertThat(u.getHost()).isEqualTo("shop.example"));
        assertThat(s.integer("max-concurrency")).hasValue(4);
        assertThat(s.duration("timeout")).hasValue(Duration.ofSeconds(30));
        assertThat(s.bool("verbose")).isEmpty();
        assertThat(s.secret("api-secret")).hasValueSatisfying(x -> assertThat(x.reveal()).isEqualTo("cs_123"));
    }

    @Test
    void validate_reportsEveryProblemAtOnce_oneMessagePerSetting() {
        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class, () -> SHOP.validate(Map.of(
                "url", "ftp://shop.example", "max-concurrency", "four", "timeout", "30s", "verbose", "yes",
                "colour", "blue")));
        assertThat(e.problems()).extracting(SettingProblem::setting)
                .containsExactlyInAnyOrder("colour", "url", "api-secret", "max-concurrency", "timeout", "verbose");
        assertThat(e.getMessage())
                .contains("url: must be an absolute http(s) URL, not 'ftp://shop.example'")
                .contains("api-secret: is required")
                .contains("max-concurrency: must be a whole number, not 'four'")
                .contains("timeout: must be an ISO-8601 duration")
                .contains("verbose: must be true or false")
                .contains("colour: unknown setting for connector shop");
        assertThat(e.category()).isEqualTo(ErrorCategory.USER);
    }

    @Test
    void validate_neverRepeatsASecretValue_inMessagesOrToString() {
        ConnectorDescriptor d = new ConnectorDescriptor("x", "X", "1", SpiVersion.CURRENT,
                Set.of(Capability.CATALOG_SOURCE),
                List.of(new SettingSpec("pin", SettingType.INTEGER, true, null, true, "A secret number.")));
        InvalidSettingsException e = catchThrowableOfType(InvalidSettingsException.class,
                () -> d.validate(Map.of("pin", "s3cr3t-value")));
        assertThat(e.getMessage()).doesNotContain("s3cr3t-value").contains("the given value");
        Settings ok = SHOP.validate(Map.of("url", "https://shop.example", "api-secret", "cs_topsecret"));
        assertThat(ok.toString()).doesNotContain("cs_topsecret").contains("api-secret=*****");
    }

    @Test
    void descriptor_rejectsDuplicateSettingsAndBadIds() {
        assertThatThrownBy(() -> new ConnectorDescriptor("Bad Id", "X", "1", SpiVersion.CURRENT,
                Set.of(Capability.CATALOG_SOURCE), List.of()))
                .hasMessageContaining("Bad Id");
        SettingSpec a = SettingSpec.optional("a", SettingType.STRING, null, "A.");
        assertThatThrownBy(() -> new ConnectorDescriptor("x", "X", "1", SpiVersion.CURRENT,
                Set.of(Capability.CATALOG_SOURCE), List.of(a, a)))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new SettingSpec("a", SettingType.STRING, true, "d", false, "A."))
                .hasMessageContaining("required and have a default");
    }

    @Test
    void settings_refuseUndeclaredNamesAndNonSecretAccessAsSecret() {
        Settings s = SHOP.validate(Map.of("url", "https://shop.example", "api-secret", "cs"));
        assertThatThrownBy(() -> s.string("nope")).hasMessageContaining("declares no setting nope");
        assertThatThrownBy(() -> s.secret("url")).hasMessageContaining("not a secret");
    }

    @Test
    void roles_followFromTheDefiningCapabilities() {
        assertThat(SHOP.roles()).containsExactly(ConnectorRole.SHOP);
        assertThat(SHOP.hasRole(ConnectorRole.MARKETPLACE)).isFalse();
        ConnectorDescriptor both = new ConnectorDescriptor("both", "Both", "1", SpiVersion.CURRENT,
                Set.of(Capability.CATALOG_TARGET, Capability.CATALOG_SOURCE), List.of());
        assertThat(both.roles()).containsExactly(ConnectorRole.SHOP, ConnectorRole.MARKETPLACE);
    }

    @Test
    void descriptor_refusesAConnectorWithNoRole_andAMalformedSpiVersion() {
        assertThatThrownBy(() -> new ConnectorDescriptor("x", "X", "1", SpiVersion.CURRENT,
                Set.of(Capability.ORDER_SOURCE), List.of()))
                .hasMessageContaining("declares neither CATALOG_SOURCE (a shop connector) nor CATALOG_TARGET");
        assertThatThrownBy(() -> new ConnectorDescriptor("x", "X", "1", "one",
                Set.of(Capability.CATALOG_SOURCE), List.of()))
                .hasMessageContaining("SPI version must be major.minor").hasMessageContaining("'one'");
    }

    @Test
    void spiVersion_acceptsTheSameMajorWithAnOlderOrEqualMinor_only() {
        assertThat(SpiVersion.supports(SpiVersion.CURRENT)).isTrue();
        String[] parts = SpiVersion.CURRENT.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        assertThat(SpiVersion.supports(major + "." + (minor + 1))).as("a newer minor").isFalse();
        assertThat(SpiVersion.supports((major + 1) + ".0")).as("a newer major").isFalse();
        assertThat(SpiVersion.supports((major - 1) + ".9")).as("an older major").isFalse();
        assertThat(SpiVersion.supports("1.x")).isFalse();
    }
}
