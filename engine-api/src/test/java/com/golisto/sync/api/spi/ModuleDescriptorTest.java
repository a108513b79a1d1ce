package com.golisto.sync.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Money;
import java.lang.module.ModuleDescriptor;
import com.golisto.sync.api.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** Pins what the API module offers connector authors, that it needs nothing but the JDK, and its nullness. */
class ModuleDescriptorTest {

    private final ModuleDescriptor descriptor = ConnectorProvider.class.getModule().getDescriptor();

    @Test
    void apiModule_isNamed_andExportsExactlyTheSpiModelAndAnnotations() {
        assertThat(descriptor).as("tests must run on the module path").isNotNull();
        assertThat(descriptor.name()).isEqualTo("com.golisto.sync.api");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("com.golisto.sync.api.spi", "com.golisto.sync.api.model",
                        "com.golisto.sync.api.annotations");
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).isEmpty();
    }

    @Test
    void apiModule_requiresOnlyJavaModules_noAnnotationLibraryEvenAtCompileTime() {
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name)
                .isNotEmpty()
                .allMatch(name -> name.startsWith("java."), "a java.* module")
                .doesNotContain("org.jspecify");
    }

    @Test
    void apiModule_isNullMarked() {
        assertThat(ConnectorProvider.class.getModule().isAnnotationPresent(NullMarked.class)).isTrue();
        assertThat(ConnectorProvider.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
        assertThat(Money.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
        assertThat(NullMarked.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
    }
}
