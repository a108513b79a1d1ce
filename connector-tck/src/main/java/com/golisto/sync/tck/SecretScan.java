package com.golisto.sync.tck;

import static org.assertj.core.api.Assertions.assertThat;

import com.golisto.sync.api.spi.ConnectorDescriptor;
import com.golisto.sync.api.spi.SettingSpec;
import com.golisto.sync.api.spi.StoreSecrets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/**
 * The secret values of one fixture (its secret settings and the store's webhook secret), and the assertion that a
 * text shows none of them. Values shorter than 6 characters are not looked for: they would match by chance.
 */
final class SecretScan {

    private static final int SHORTEST = 6;

    private final List<String> values;

    private SecretScan(List<String> values) {
        this.values = List.copyOf(values);
    }

    static SecretScan of(ConnectorFixture fixture) {
        ConnectorDescriptor descriptor = fixture.provider().descriptor();
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : fixture.settings().entrySet()) {
            boolean secret = descriptor.setting(e.getKey()).map(SettingSpec::secret).orElse(false);
            if (secret && e.getValue() != null && e.getValue().length() >= SHORTEST) {
                values.add(e.getValue());
            }
        }
        fixture.context().secrets().get(StoreSecrets.WEBHOOK_SECRET).map(s -> s.reveal())
                .filter(v -> v.length() >= SHORTEST).ifPresent(values::add);
        return new SecretScan(values);
    }

    /** A scan for these values as well. */
    SecretScan plus(String value) {
        List<String> more = new ArrayList<>(values);
        more.add(value);
        return new SecretScan(more);
    }

    /** Fails when the text shows a secret value. */
    void assertClean(String what, @Nullable String text) {
        if (text == null) {
            return;
        }
        for (String value : values) {
            assertThat(text.contains(value))
                    .as("%s shows the value of a secret (…%s)", what, value.substring(value.length() - 2))
                    .isFalse();
        }
    }

    /** Fails when the throwable's message, toString, causes or suppressed exceptions show a secret value. */
    void assertClean(String what, Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> todo = new ArrayList<>(List.of(thrown));
        while (!todo.isEmpty()) {
            Throwable t = todo.remove(todo.size() - 1);
            if (!seen.add(t)) {
                continue;
            }
            assertClean(what + " (" + t.getClass().getSimpleName() + " message)", t.getMessage());
            assertClean(what + " (" + t.getClass().getSimpleName() + " toString)", t.toString());
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
        }
    }
}
