package com.golisto.sync.app.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration.
 *
 * @param key the key, as written in the YAML file ({@code server.port}, {@code stores[0].id}), or the
 *     environment variable's name when the variable itself is unknown
 * @param message what is wrong, in one sentence; never repeats a secret value
 */
public record ConfigProblem(String key, String message) {
    public ConfigProblem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return key + ": " + message;
    }
}
