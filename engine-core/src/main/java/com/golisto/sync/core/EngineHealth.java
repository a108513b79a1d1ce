package com.golisto.sync.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SyncEngine#health()} found: every check, passing or not, in a stable order (engine-wide
 * checks first, then each store's). Ready when none fails.
 *
 * @param checkedAt when the checks were computed, by the engine's clock (answers are cached for
 *     {@link HealthPolicy#cacheFor()})
 * @param checks every check
 */
public record EngineHealth(Instant checkedAt, List<HealthCheck> checks) {

    public EngineHealth {
        Objects.requireNonNull(checkedAt, "checkedAt");
        checks = List.copyOf(checks);
    }

    /** True when no check fails. */
    public boolean ready() {
        return checks.stream().allMatch(HealthCheck::passing);
    }

    /** The failing checks. */
    public List<HealthCheck> failing() {
        return checks.stream().filter(c -> !c.passing()).toList();
    }

    /** These checks and the host's own ones after them. */
    public EngineHealth with(List<HealthCheck> more) {
        List<HealthCheck> all = new ArrayList<>(checks);
        all.addAll(more);
        return new EngineHealth(checkedAt, all);
    }
}
