package com.golisto.sync.api.spi;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import com.golisto.sync.api.annotations.Nullable;

/**
 * What a connector is and which settings it accepts.
 *
 * @param id the provider's id, e.g. {@code woocommerce}; lower-case letters, digits and dashes
 * @param displayName a name for people, e.g. {@code WooCommerce}
 * @param version the connector's version
 * @param spiVersion the SPI version the connector was compiled against: pass {@link SpiVersion#CURRENT}
 *     (javac inlines it, so it records the version built with); the engine refuses versions it does not
 *     {@linkplain SpiVersion#supports support}
 * @param capabilities what its connectors offer; must include the defining capability of at least one
 *     {@link ConnectorRole}
 * @param settings the settings it accepts, names unique
 */
public record ConnectorDescriptor(
        String id, String displayName, String version, String spiVersion, Set<Capability> capabilities,
        List<SettingSpec> settings) {

    public ConnectorDescriptor {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("connector id must be lower-case letters, digits and dashes: " + id);
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(spiVersion, "spiVersion");
        if (!SpiVersion.wellFormed(spiVersion)) {
            throw new IllegalArgumentException("connector " + id + ": SPI version must be major.minor, such as "
                    + SpiVersion.CURRENT + ", not '" + spiVersion + "'");
        }
        capabilities = Set.copyOf(capabilities);
        if (capabilities.stream().noneMatch(c -> c == Capability.CATALOG_SOURCE || c == Capability.CATALOG_TARGET)) {
            throw new IllegalArgumentException("connector " + id + " declares neither " + Capability.CATALOG_SOURCE
                    + " (a shop connector) nor " + Capability.CATALOG_TARGET + " (a marketplace connector)");
        }
        settings = List.copyOf(settings);
        Set<String> names = new HashSet<>();
        for (SettingSpec spec : settings) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("connector " + id + " declares setting " + spec.name() + " twice");
            }
        }
    }

    /** The roles the declared capabilities allow, in {@link ConnectorRole} order. */
    public Set<ConnectorRole> roles() {
        EnumSet<ConnectorRole> roles = EnumSet.noneOf(ConnectorRole.class);
        for (ConnectorRole role : ConnectorRole.values()) {
            if (capabilities.contains(role.definingCapability())) {
                roles.add(role);
            }
        }
        return Collections.unmodifiableSet(roles);
    }

    /** Whether the connector can take this role in a store. */
    public boolean hasRole(ConnectorRole role) {
        return capabilities.contains(role.definingCapability());
    }

    /** The declared setting with this name. */
    public Optional<SettingSpec> setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * Checks raw settings against the declared ones and returns them typed, with defaults filled in.
     * Every problem is reported at once: unknown names, missing required values, values that do not
     * parse as their type. Messages name the setting and never repeat a secret value.
     *
     * @param raw setting name to raw text; blank values count as absent
     * @throws InvalidSettingsException listing every problem
     */
    public Settings validate(Map<String, String> raw) {
        Objects.requireNonNull(raw, "raw settings");
        List<SettingProblem> problems = new ArrayList<>();
        for (String name : raw.keySet()) {
            if (setting(name).isEmpty()) {
                problems.add(new SettingProblem(name, "unknown setting for connector " + id
                        + " (known: " + settings.stream().map(SettingSpec::name).toList() + ")"));
            }
        }
        Map<String, String> values = new HashMap<>();
        for (SettingSpec spec : settings) {
            String value = raw.get(spec.name());
            if (value == null || value.isBlank()) {
                value = spec.defaultValue();
            }
            if (value == null) {
                if (spec.required()) {
                    problems.add(new SettingProblem(spec.name(), "is required: " + spec.description()));
                }
                continue;
            }
            value = spec.secret() ? value : value.trim();
            String problem = typeProblem(spec, value);
            if (problem != null) {
                problems.add(new SettingProblem(spec.name(), problem));
            } else {
                values.put(spec.name(), value);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException("connector " + id, problems);
        }
        return new Settings(this, values);
    }

    private static @Nullable String typeProblem(SettingSpec spec, String value) {
        String shown = spec.secret() ? "the given value" : "'" + value + "'";
        return switch (spec.type()) {
            case STRING -> null;
            case INTEGER -> {
                try {
                    Integer.parseInt(value);
                    yield null;
                } catch (NumberFormatException e) {
                    yield "must be a whole number, not " + shown;
                }
            }
            case BOOLEAN -> value.equals("true") || value.equals("false")
                    ? null : "must be true or false, not " + shown;
            case DURATION -> {
                try {
                    yield Duration.parse(value).isNegative() ? "must not be negative" : null;
                } catch (DateTimeParseException e) {
                    yield "must be an ISO-8601 duration such as PT30S, not " + shown;
                }
            }
            case URL -> {
                try {
                    URI uri = new URI(value);
                    boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
                    yield web && uri.getHost() != null ? null : "must be an absolute http(s) URL, not " + shown;
                } catch (java.net.URISyntaxException e) {
                    yield "must be an absolute http(s) URL, not " + shown;
                }
            }
        };
    }
}
