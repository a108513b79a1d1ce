package com.golisto.sync.api.spi;

import java.util.Objects;

/**
 * What is wrong with one setting. The message names the setting and never contains a secret value.
 *
 * @param setting the setting's name
 * @param message what is wrong, in one sentence
 */
public record SettingProblem(String setting, String message) {

    public SettingProblem {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return setting + ": " + message;
    }
}
