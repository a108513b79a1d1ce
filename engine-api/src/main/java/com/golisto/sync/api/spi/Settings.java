package com.golisto.sync.api.spi;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Validated settings for one connector instance, produced only by
 * {@link ConnectorDescriptor#validate(Map)}: every required setting is present, every value parses as
 * its declared type, and defaults are filled in. Typed getters therefore do not fail for declared
 * settings; asking for an undeclared one is a programming error ({@link IllegalArgumentException}).
 *
 * <p>Connectors read these once in {@link ConnectorProvider#open} into their own typed configuration
 * record. {@link #toString()} masks every secret. Immutable and thread-safe.
 */
public final class Settings {

    private final ConnectorDescriptor descriptor;
    private final Map<String, String> values;

    Settings(ConnectorDescriptor descriptor, Map<String, String> values) {
        this.descriptor = descriptor;
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The descriptor these settings were validated against. */
    public ConnectorDescriptor descriptor() {
        return descriptor;
    }

    /** A text setting's value, when it has one. */
    public Optional<String> string(String name) {
        spec(name);
        return Optional.ofNullable(values.get(name));
    }

    /** A text setting that must have a value (required, or with a default). */
    public String requireString(String name) {
        return string(name).orElseThrow(() -> new IllegalStateException("setting " + name + " has no value"));
    }

    /** A secret setting's value, when it has one. */
    public Optional<Secret> secret(String name) {
        SettingSpec spec = spec(name);
        if (!spec.secret()) {
            throw new IllegalArgumentException("setting " + name + " is not a secret");
        }
        return Optional.ofNullable(values.get(name)).map(Secret::of);
    }

    /** An integer setting's value, when it has one. */
    public Optional<Integer> integer(String name) {
        return string(name).map(Integer::valueOf);
    }

    /** A boolean setting's value, when it has one. */
    public Optional<Boolean> bool(String name) {
        return string(name).map(Boolean::valueOf);
    }

    /** A duration setting's value, when it has one. */
    public Optional<Duration> duration(String name) {
        return string(name).map(Duration::parse);
    }

    /** A URL setting's value, when it has one. */
    public Optional<URI> url(String name) {
        return string(name).map(URI::create);
    }

    /** The raw values, secrets included: for the engine's encrypted storage only. */
    public Map<String, String> rawValues() {
        return values;
    }

    private SettingSpec spec(String name) {
        return descriptor.setting(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "connector " + descriptor.id() + " declares no setting " + name));
    }

    /** The settings with every secret value shown as {@code *****}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + (descriptor.setting(e.getKey()).map(SettingSpec::secret).orElse(true)
                        ? "*****" : e.getValue()))
                .collect(Collectors.joining(", ", descriptor.id() + "{", "}"));
    }
}
