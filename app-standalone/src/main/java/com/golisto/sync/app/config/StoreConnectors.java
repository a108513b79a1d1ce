package com.golisto.sync.app.config;

import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.ConnectorProvider;
import com.golisto.sync.api.spi.ConnectorRole;
import com.golisto.sync.api.spi.InvalidSettingsException;
import com.golisto.sync.api.spi.SettingProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The connectors installed in a runner (built in, or from the plugins folder) and the checks of a store's choice
 * of them: the connector is installed, it has the role of the side it is named for (a shop connector as
 * {@code shop}, a marketplace connector as {@code marketplace}), and its settings pass its descriptor's
 * {@link ConnectorDescriptor#validate validation}. Every problem names its full key. Immutable; thread-safe.
 */
public final class StoreConnectors {
    private final Map<String, ConnectorDescriptor> installed;

    /**
     * @param descriptors the installed connectors' descriptors
     */
    public StoreConnectors(Collection<ConnectorDescriptor> descriptors) {
        Map<String, ConnectorDescriptor> byId = new TreeMap<>();
        descriptors.forEach(d -> byId.put(d.id(), d));
        this.installed = Map.copyOf(byId);
    }

    /** The connectors of these providers. */
    public static StoreConnectors of(Collection<? extends ConnectorProvider> providers) {
        return new StoreConnectors(providers.stream().map(ConnectorProvider::descriptor).toList());
    }

    /** The installed connectors' ids. */
    public Set<String> ids() {
        return Set.copyOf(installed.keySet());
    }

    /** The installed connector with this id. */
    public Optional<ConnectorDescriptor> descriptor(String id) {
        return Optional.ofNullable(installed.get(id));
    }

    /** The ids of the installed connectors that can be named for this side. */
    public List<String> idsFor(ConnectorRole side) {
        return installed.values().stream().filter(d -> d.hasRole(side)).map(ConnectorDescriptor::id).sorted().toList();
    }

    /**
     * Why this connector cannot be named for this side, in one sentence; {@code null} when it can.
     *
     * @param id the connector's id
     * @param side the side it is named for
     */
    public @Nullable String connectorProblem(String id, ConnectorRole side) {
        ConnectorDescriptor d = installed.get(id);
        if (d == null) {
            return "connector '" + id + "' is not installed (installed: " + String.join(", ", new TreeMap<>(installed)
                    .keySet()) + "); a plugin's connectors come from the plugins folder (plugins.folder)";
        }
        if (!d.hasRole(side)) {
            String has = d.roles().stream().map(ConnectorRole::label).collect(Collectors.joining(" and "));
            return "connector '" + id + "' is a " + has + " connector; it cannot be a store's " + side.label() + " ("
                    + side.label() + " connectors: " + String.join(", ", idsFor(side)) + ")";
        }
        return null;
    }

    /**
     * The problems of settings given to an installed connector, by setting name; empty when they pass.
     *
     * @param id the installed connector's id
     * @param settings the raw settings
     */
    public List<SettingProblem> settingProblems(String id, Map<String, String> settings) {
        ConnectorDescriptor d = installed.get(id);
        if (d == null) {
            return List.of();
        }
        try {
            d.validate(settings);
            return List.of();
        } catch (InvalidSettingsException e) {
            return e.problems();
        }
    }

    /**
     * The problems of the {@code golisto:} section, as the default marketplace's settings, by {@code golisto.*}
     * key; empty when that connector is not installed (stores that need it are told by {@link #problems}).
     */
    public List<ConfigProblem> defaultMarketplaceProblems(GolistoConfig golisto) {
        List<ConfigProblem> problems = new ArrayList<>();
        for (SettingProblem p : settingProblems(Registrations.DEFAULT_MARKETPLACE,
                Registrations.marketplaceSettings(null, golisto))) {
            problems.add(new ConfigProblem("golisto." + p.setting(), p.message()));
        }
        return problems;
    }

    /**
     * Every problem of a store's connectors and their settings, each by its full key ({@code stores[0].shop.connector},
     * {@code stores[0].shop.settings.url}, {@code stores[0].woocommerce.url} for the shorthand).
     *
     * @param index the store's place in {@code stores}
     * @param store the store
     * @param golisto the {@code golisto:} section, under the default marketplace's settings; {@code null} when it
     *     has problems of its own (then the settings of a store naming that marketplace are not checked)
     * @param reportUnknown whether a connector that is not installed is a problem (when not, its settings are left
     *     unchecked: the plugins folder is read later)
     */
    public List<ConfigProblem> problems(int index, StoreConfig store, @Nullable GolistoConfig golisto,
                                       boolean reportUnknown) {
        String prefix = "stores[" + index + "].";
        List<ConfigProblem> problems = new ArrayList<>();
        String shopKey = store.shorthand() ? prefix + "woocommerce" : prefix + "shop.connector";
        check(problems, shopKey, prefix + store.shopSettingsKey() + ".", store.shop(), ConnectorRole.SHOP, reportUnknown,
                store.shop().settings());
        ConnectorChoice marketplace = store.marketplace();
        if (marketplace == null) {
            String problem = connectorProblem(Registrations.DEFAULT_MARKETPLACE, ConnectorRole.MARKETPLACE);
            if (problem != null && (reportUnknown || installed.containsKey(Registrations.DEFAULT_MARKETPLACE))) {
                problems.add(new ConfigProblem(prefix + "marketplace", "is required: the default marketplace's "
                        + problem));
            }
        } else {
            check(problems, prefix + "marketplace.connector", prefix + "marketplace.settings.", marketplace,
                    ConnectorRole.MARKETPLACE, reportUnknown, golisto != null ? Registrations.marketplaceSettings(marketplace, golisto)
                            : marketplace.connector().equals(Registrations.DEFAULT_MARKETPLACE) ? null
                            : marketplace.settings());
        }
        return problems;
    }

    /**
     * @param settings the settings the connector gets: the store's, and for the default marketplace the
     *     {@code golisto:} section's under them (problems of those are reported by {@link #defaultMarketplaceProblems});
     *     {@code null} to check the connector only
     */
    private void check(List<ConfigProblem> problems, String connectorKey, String settingsPrefix, ConnectorChoice choice,
                       ConnectorRole side, boolean reportUnknown, @Nullable Map<String, String> settings) {
        String problem = connectorProblem(choice.connector(), side);
        if (problem != null) {
            if (reportUnknown || installed.containsKey(choice.connector())) {
                problems.add(new ConfigProblem(connectorKey, problem));
            }
            return;
        }
        if (settings == null) {
            return;
        }
        for (SettingProblem p : settingProblems(choice.connector(), settings)) {
            if (choice.settings().containsKey(p.setting()) || !settings.containsKey(p.setting())) {
                problems.add(new ConfigProblem(settingsPrefix + p.setting(), p.message()));
            }
        }
    }
}
