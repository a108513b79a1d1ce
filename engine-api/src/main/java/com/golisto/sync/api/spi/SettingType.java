package com.golisto.sync.api.spi;

/** The type of a connector setting, which decides how its raw text is parsed and checked. */
public enum SettingType {
    /** Any text. */
    STRING,
    /** A whole number (Java {@code int}). */
    INTEGER,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** An ISO-8601 duration such as {@code PT2S}. */
    DURATION,
    /** An absolute {@code http} or {@code https} URL. */
    URL
}
