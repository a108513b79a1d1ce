package com.golisto.sync.api.spi;

import java.util.Objects;
import com.golisto.sync.api.annotations.Nullable;

/**
 * One setting a connector accepts.
 *
 * @param name the key, e.g. {@code url} or {@code consumer-secret}; lower-case words joined by dashes
 * @param type how the value is parsed
 * @param required whether a value must be given (a setting with a default is never required)
 * @param defaultValue the raw default, {@code null} when none
 * @param secret whether the value is secret: it is stored encrypted, masked in every display, and read
 *     through {@link Settings#secret(String)}
 * @param description one sentence for people configuring the connector
 */
public record SettingSpec(
        String name, SettingType type, boolean required, @Nullable String defaultValue, boolean secret, String description) {

    public SettingSpec {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("setting name must be lower-case words joined by dashes: " + name);
        }
        Objects.requireNonNull(type, () -> "type of setting " + name);
        Objects.requireNonNull(description, () -> "description of setting " + name);
        if (required && defaultValue != null) {
            throw new IllegalArgumentException("setting " + name + " cannot be required and have a default");
        }
        if (secret && defaultValue != null) {
            throw new IllegalArgumentException("secret setting " + name + " cannot have a default");
        }
    }

    /** A required setting. */
    public static SettingSpec required(String name, SettingType type, String description) {
        return new SettingSpec(name, type, true, null, false, description);
    }

    /** An optional setting with a default (or none, when {@code defaultValue} is null). */
    public static SettingSpec optional(String name, SettingType type, @Nullable String defaultValue, String description) {
        return new SettingSpec(name, type, false, defaultValue, false, description);
    }

    /** A secret text setting. */
    public static SettingSpec secret(String name, boolean required, String description) {
        return new SettingSpec(name, SettingType.STRING, required, null, true, description);
    }
}
