package com.golisto.sync.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.Test;

/** Pins what the API module offers connector authors, and that it needs nothing but the JDK. */
class ModuleDescriptorTest {

    private final ModuleDescriptor descriptor = ConnectorProvider.class.getModule().getDescriptor();

    @Test
    void apiModule_isNamed_andExportsExactlyTheSpiAndModel() {
        assertThat(descriptor).as("tests must run on the module path").isNotNull();
        assertThat(descriptor.name()).isEqualTo("com.golisto.sync.api");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("com.golisto.sync.api.spi", "com.golisto.sync.api.model");
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).isEmpty();
    }

    @Test
    void apiModule_requiresOnlyJdkModules() {
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .allMatch(name -> name.startsWith("java.") || name.startsWith("jdk."));
    }
}
