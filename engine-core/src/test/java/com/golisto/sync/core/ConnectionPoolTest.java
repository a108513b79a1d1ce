package com.golisto.sync.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@link ConnectionPool}: its documented defaults and the bounds HikariCP accepts. */
class ConnectionPoolTest {

    @Test
    void defaults_areTenConnectionsThirtySecondsThirtyMinutes() {
        assertThat(ConnectionPool.defaults())
                .isEqualTo(new ConnectionPool(10, Duration.ofSeconds(30), Duration.ofMinutes(30)));
        assertThat(ConnectionPool.defaults().withMaximumSize(3).withConnectionTimeout(Duration.ofSeconds(1))
                .withMaxLifetime(Duration.ofMinutes(1)))
                .isEqualTo(new ConnectionPool(3, Duration.ofSeconds(1), Duration.ofMinutes(1)));
    }

    @Test
    void outOfBounds_isRefusedNamingTheSetting() {
        ConnectionPool defaults = ConnectionPool.defaults();
        assertThatThrownBy(() -> defaults.withMaximumSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maximumSize");
        assertThatThrownBy(() -> defaults.withConnectionTimeout(Duration.ofMillis(249)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connectionTimeout");
        assertThatThrownBy(() -> defaults.withMaxLifetime(Duration.ofSeconds(29)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxLifetime");
    }
}
