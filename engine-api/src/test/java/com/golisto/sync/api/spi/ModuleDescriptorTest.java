package com.golisto.sync.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.model.Money;
import java.lang.module.ModuleDescriptor;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/** Pins what the API module offers connector authors, that it needs nothing but the JDK, and its nullness. */
class ModuleDescriptorTest {

    private final ModuleDescriptor descriptor = ConnectorProvider.class.getModule().getDescriptor();

    @Test
    void apiModule_isNamed_andExportsExactlyTheSpiModelAndAnnotations() {
        assertThat(descriptor).as("tests must run on the module path").isNotNull();
        assertThat(descriptor.name()).isEqualTo("com.golisto.sync.api");
        assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("com.golisto.sync.api.spi", "com.golisto.sync.api.model");
        assertThat(descriptor.exports()).allMatch(e -> !e.isQualified());
        assertThat(descriptor.isOpen()).isFalse();
        assertThat(descriptor.opens()).isEmpty();
    }

    @Test
    void apiModule_requiresOnlyJavaModulesAtRunTime_andJSpecifyAtCompileTimeOnly() {
        assertThat(descriptor.requires()).filteredOn(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                .extracting(ModuleDescriptor.Requires::name)
                .isNotEmpty()
                .allMatch(name -> name.startsWith("java."), "a java.* module");
        assertThat(descriptor.requires()).filteredOn(r -> !r.name().startsWith("java."))
                .singleElement()
                .satisfies(r -> assertThat(r.name()).isEqualTo("org.jspecify"))
                .satisfies(r -> assertThat(r.modifiers()).containsExactly(ModuleDescriptor.Requires.Modifier.STATIC));
    }

    @Test
    void apiModule_isNullMarked() {
        assertThat(ConnectorProvider.class.getModule().isAnnotationPresent(NullMarked.class)).isTrue();
        assertThat(ConnectorProvider.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
        assertThat(Money.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
    }
}
