package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingProblem;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.SettingType;
import com.golisto.sync.api.spi.Settings;
import com.golisto.sync.api.spi.SpiVersion;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The checks every connector passes whatever its role: its descriptor, its settings, its secrets. */
final class DescriptorChecks {

    /** A raw value that no setting of this type accepts. */
    private static final Map<SettingType, String> INVALID = Map.of(
            SettingType.INTEGER, "tck-not-a-number",
            SettingType.BOOLEAN, "tck-maybe",
            SettingType.DURATION, "tck-soon",
            SettingType.URL, "tck not a url");
    static final String UNKNOWN_SETTING = "tck-unknown-setting";

    private static final Map<Capability, Function<Connector, Optional<?>>> ACCESSORS = new EnumMap<>(Map.of(
            Capability.CATALOG_SOURCE, Connector::catalogSource,
            Capability.CATALOG_TARGET, Connector::catalogTarget,
            Capability.ORDER_SOURCE, Connector::orderSource,
            Capability.ORDER_TARGET, Connector::orderTarget,
            Capability.WEBHOOK_RECEIVER, Connector::webhookReceiver,
            Capability.WEBHOOK_SUBSCRIPTIONS, Connector::webhookSubscriptions,
            Capability.CONNECTION_LIFECYCLE, Connector::connectionLifecycle,
            Capability.CREDENTIAL_ISSUER, Connector::credentialIssuer,
            Capability.STORE_INFO, Connector::storeInfo));

    private DescriptorChecks() {
    }

    /**
     * The id is the descriptor's, the descriptor is constant, its SPI version is supported, and ServiceLoader finds
     * the provider.
     */
    static void providerDescribesItself(ConnectorProvider provider) {
        ConnectorDescriptor descriptor = provider.descriptor();
        assertThat(provider.id()).as("provider id() equals descriptor().id()").isEqualTo(descriptor.id());
        assertThat(provider.descriptor()).as("descriptor() returns a constant").isEqualTo(descriptor);
        assertThat(SpiVersion.supports(descriptor.spiVersion())).as("the declared SPI version %s is supported by this"
                + " engine-api (%s): pass SpiVersion.CURRENT", descriptor.spiVersion(), SpiVersion.CURRENT).isTrue();
        List<Class<?>> found = ServiceLoader.load(ConnectorProvider.class, provider.getClass().getClassLoader())
                .stream().<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertThat(found).as("ServiceLoader finds the provider (module-info 'provides' and"
                + " META-INF/services/com.golisto.sync.api.spi.ConnectorProvider)").contains(provider.getClass());
    }

    /** Closing is idempotent and never throws. */
    static void closesTwice(Connector connector) {
        assertThat(catchThrowable(connector::close)).as("the first close()").isNull();
        assertThat(catchThrowable(connector::close)).as("close() again (idempotent, never throws)").isNull();
    }

    /** Each declared capability is offered, always as the same instance; no undeclared one is offered. */
    static void offersExactlyWhatItDeclares(Connector connector, ConnectorDescriptor descriptor) {
        for (Map.Entry<Capability, Function<Connector, Optional<?>>> e : ACCESSORS.entrySet()) {
            Optional<?> first = e.getValue().apply(connector);
            if (descriptor.capabilities().contains(e.getKey())) {
                assertThat(first).as("declares %s but does not offer it", e.getKey()).isPresent();
                assertThat(e.getValue().apply(connector).orElseThrow())
                        .as("%s is the same instance on every call", e.getKey()).isSameAs(first.orElseThrow());
            } else {
                assertThat(first).as("offers %s without declaring it", e.getKey()).isEmpty();
            }
        }
    }

    /**
     * Settings validation: every missing required setting, every value that does not parse and every unknown
     * name is named in one {@link InvalidSettingsException}, whose message and problems show no secret value.
     */
    static void invalidSettingsAreAllNamed(ConnectorFixture fixture) {
        ConnectorDescriptor descriptor = fixture.provider().descriptor();
        Set<String> required = descriptor.settings().stream().filter(SettingSpec::required).map(SettingSpec::name)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!required.isEmpty()) {
            InvalidSettingsException missing = invalid(descriptor, Map.of());
            assertThat(named(missing)).as("every missing required setting is named").containsAll(required);
        }
        Map<String, String> raw = new HashMap<>(fixture.settings());
        Set<String> broken = new TreeSet<>();
        for (SettingSpec spec : descriptor.settings()) {
            String bad = INVALID.get(spec.type());
            if (bad != null) {
                raw.put(spec.name(), bad);
                broken.add(spec.name());
            }
        }
        raw.put(UNKNOWN_SETTING, "x");
        broken.add(UNKNOWN_SETTING);
        SecretScan scan = SecretScan.of(fixture);
        InvalidSettingsException thrown = invalid(descriptor, raw);
        assertThat(named(thrown)).as("every invalid value and the unknown setting are named at once")
                .containsAll(broken);
        scan.assertClean("InvalidSettingsException", thrown);
        for (SettingProblem problem : thrown.problems()) {
            scan.assertClean("setting problem " + problem.setting(), problem.toString());
        }
    }

    private static InvalidSettingsException invalid(ConnectorDescriptor descriptor, Map<String, String> raw) {
        Throwable thrown = catchThrowable(() -> descriptor.validate(raw));
        assertThat(thrown).as("validating %s", raw.keySet()).isInstanceOf(InvalidSettingsException.class);
        return (InvalidSettingsException) thrown;
    }

    private static Set<String> named(InvalidSettingsException e) {
        return e.problems().stream().map(SettingProblem::setting).collect(Collectors.toSet());
    }

    /** Neither the settings, the connector nor any capability shows a secret value in its toString(). */
    static void toStringsShowNoSecret(ConnectorFixture fixture, Settings settings, Connector connector) {
        SecretScan scan = SecretScan.of(fixture);
        scan.assertClean("Settings.toString()", settings.toString());
        scan.assertClean("the provider's toString()", fixture.provider().toString());
        scan.assertClean("the connector's toString()", connector.toString());
        for (Map.Entry<Capability, Function<Connector, Optional<?>>> e : ACCESSORS.entrySet()) {
            @Nullable Object capability = e.getValue().apply(connector).orElse(null);
            if (capability != null) {
                scan.assertClean(e.getKey() + "'s toString()", capability.toString());
            }
        }
    }
}
