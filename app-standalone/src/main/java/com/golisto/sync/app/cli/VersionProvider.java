package com.golisto.sync.app.cli;

import picocli.CommandLine.IVersionProvider;

/** The runner's version, from its module descriptor (the jar's version) when packaged. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getModule().getDescriptor() == null ? null
                : VersionProvider.class.getModule().getDescriptor().rawVersion().orElse(null);
        if (version == null) {
            version = VersionProvider.class.getPackage().getImplementationVersion();
        }
        return new String[] {"golisto-sync " + (version == null ? "development build" : version),
                "Java " + Runtime.version()};
    }
}
