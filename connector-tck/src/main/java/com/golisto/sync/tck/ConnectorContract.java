package com.golisto.sync.tck;

import com.golisto.sync.api.spi.Capability;
import com.golisto.sync.api.spi.Connector;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What both role contracts share: the fixture and connector of each check, and the checks every connector passes
 * (its provider and descriptor, its settings validation, secrets kept out of every {@code toString()}). Extend
 * {@link ShopConnectorContract} or {@link MarketplaceConnectorContract}, not this class.
 *
 * @param <F> the role's fixture
 */
public abstract class ConnectorContract<F extends ConnectorFixture> {

    private @Nullable F fixture;
    private @Nullable Settings settings;
    private @Nullable Connector connector;
    private final List<Connector> reopened = new ArrayList<>();

    ConnectorContract() {
    }

    /**
     * A new fixture for one check: its remote ready, nothing opened yet. Called before every check; the contract
     * closes it after.
     */
    protected abstract F createFixture() throws Exception;

    /** Creates the check's fixture and opens its connector through the provider. */
    @BeforeEach
    public final void openConnector() throws Exception {
        F created = createFixture();
        fixture = created;
        Settings validated = created.provider().descriptor().validate(created.settings());
        settings = validated;
        connector = created.provider().open(validated, created.context());
    }

    /** Closes the check's connectors and fixture. */
    @AfterEach
    public final void closeConnector() throws Exception {
        reopened.forEach(Connector::close);
        reopened.clear();
        if (connector != null) {
            connector.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    /** The fixture of the running check. */
    protected final F fixture() {
        return Objects.requireNonNull(fixture, "no check is running");
    }

    /** The connector of the running check. */
    protected final Connector connector() {
        return Objects.requireNonNull(connector, "no check is running");
    }

    /** Another connector opened from the same settings and context, as after an engine restart; closed after. */
    final Connector reopen() {
        Connector another = fixture().provider().open(Objects.requireNonNull(settings), fixture().context());
        reopened.add(another);
        return another;
    }

    /**
     * A connector opened from the fixture's settings as they are now (a fixture may have restarted its remote, as
     * {@link ShopFixture#setTimeZone} may); closed after.
     */
    final Connector openAgain() {
        Connector another = fixture().provider().open(fixture().provider().descriptor().validate(fixture().settings()),
                fixture().context());
        reopened.add(another);
        return another;
    }

    /** Skips the running check, naming the capability, when the descriptor does not declare it. */
    final void requireDeclared(Capability capability) {
        Assumptions.assumeTrue(fixture().provider().descriptor().capabilities().contains(capability),
                () -> "the connector does not declare " + capability);
    }

    /** The provider's id, constant descriptor, supported SPI version, and ServiceLoader registration. */
    @Test
    public void provider_describesItself_andIsFoundByServiceLoader() {
        ConnectorProvider provider = fixture().provider();
        DescriptorChecks.providerDescribesItself(provider);
    }

    /** Each declared capability is offered, always the same instance; no undeclared one is. */
    @Test
    public void connector_offersExactlyTheDeclaredCapabilities_alwaysTheSameInstance() {
        DescriptorChecks.offersExactlyWhatItDeclares(connector(), fixture().provider().descriptor());
    }

    /** Connector.close() is idempotent and never throws. */
    @Test
    public void connector_closesTwiceWithoutThrowing() {
        DescriptorChecks.closesTwice(openAgain());
    }

    /** Every missing, unparsable and unknown setting is named in one InvalidSettingsException, without secrets. */
    @Test
    public void invalidSettings_areAllNamedAtOnce_withoutShowingSecrets() {
        DescriptorChecks.invalidSettingsAreAllNamed(fixture());
    }

    /** Settings, provider, connector and capabilities show no secret value in toString(). */
    @Test
    public void settingsConnectorAndCapabilities_showNoSecretInToString() {
        DescriptorChecks.toStringsShowNoSecret(fixture(), Objects.requireNonNull(settings), connector());
    }
}
