package com.golisto.sync.api.spi;

import java.util.Objects;

/**
 * The version of this connector SPI, {@code major.minor}, and which declared versions an engine accepts.
 *
 * <p>A connector states the version it was compiled against by passing {@link #CURRENT} to its
 * {@link ConnectorDescriptor}: javac copies the constant's value into the connector's class file, so the
 * descriptor carries the version the connector was built with, not the one it runs with. The engine loads a
 * connector only when {@link #supports(String)} holds: the same major version (a new major removes or changes
 * something connectors use) and a minor version no newer than the engine's (a new minor only adds, so a
 * connector built for 1.0 runs on a 1.3 engine, but one built for 1.3 may call what a 1.0 engine lacks).
 * See docs/compatibility.md for what each kind of change may do.
 */
public final class SpiVersion {

    /** The SPI version of this engine-api: {@value}. */
    public static final String CURRENT = "1.0";

    private SpiVersion() {}

    /**
     * Whether an engine of this SPI version can load a connector that declares {@code declared}.
     *
     * @param declared the connector's {@link ConnectorDescriptor#spiVersion()}
     */
    public static boolean supports(String declared) {
        Objects.requireNonNull(declared, "declared");
        int[] mine = parse(CURRENT);
        int[] theirs = parse(declared);
        return theirs.length == 2 && theirs[0] == mine[0] && theirs[1] <= mine[1];
    }

    /** Whether the text has the {@code major.minor} form (two non-negative whole numbers). */
    static boolean wellFormed(String version) {
        return parse(version).length == 2;
    }

    private static int[] parse(String version) {
        if (!version.matches("\\d{1,4}\\.\\d{1,4}")) {
            return new int[0];
        }
        int dot = version.indexOf('.');
        return new int[] {Integer.parseInt(version.substring(0, dot)), Integer.parseInt(version.substring(dot + 1))};
    }
}
