package com.golisto.sync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayScenarioTest {

    @Test
    void plan_thousandChanges_halfWebhookQuarterLostAndTheRestSplitBetweenDeletesAndDirectEdits() {
        List<DayScenario.Planned> plan = DayScenario.plan(1_000, 1, 100_000);

        assertThat(plan).hasSize(1_000);
        assertThat(plan).filteredOn(p -> p.kind() == DayChange.Kind.WEBHOOK).hasSize(500);
        assertThat(plan).filteredOn(p -> p.kind() == DayChange.Kind.LOST).hasSize(250);
        assertThat(plan).filteredOn(p -> p.kind() == DayChange.Kind.DELETE).hasSize(125);
        assertThat(plan).filteredOn(p -> p.kind() == DayChange.Kind.DIRECT).hasSize(125);
        assertThat(plan).extracting(DayScenario.Planned::index).doesNotHaveDuplicates();
        assertThat(plan).isSortedAccordingTo((a, b) -> a.at().compareTo(b.at()));
        assertThat(plan).allSatisfy(p -> assertThat(p.at()).isBetween(Duration.ZERO, Duration.ofHours(24)));
        // spread over the day, not bunched at its start
        assertThat(plan.get(0).at()).isLessThan(Duration.ofHours(1));
        assertThat(plan.get(plan.size() - 1).at()).isGreaterThan(Duration.ofHours(23));
    }

    @Test
    void plan_sameSeed_samePlan() {
        assertThat(DayScenario.plan(100, 7, 10_000)).isEqualTo(DayScenario.plan(100, 7, 10_000));
        assertThat(DayScenario.plan(100, 7, 10_000)).isNotEqualTo(DayScenario.plan(100, 8, 10_000));
    }

    @Test
    void webhookBursts_webhooksInsideTheBatchWindowOfTheBurstsFirst_countOnce() {
        List<DayScenario.Planned> plan = List.of(
                new DayScenario.Planned(Duration.ofSeconds(10), DayChange.Kind.WEBHOOK, 1),
                new DayScenario.Planned(Duration.ofSeconds(11), DayChange.Kind.WEBHOOK, 2),
                new DayScenario.Planned(Duration.ofSeconds(12), DayChange.Kind.LOST, 3),
                new DayScenario.Planned(Duration.ofMinutes(9), DayChange.Kind.WEBHOOK, 4),
                new DayScenario.Planned(Duration.ofMinutes(10).plusSeconds(10), DayChange.Kind.WEBHOOK, 5),
                new DayScenario.Planned(Duration.ofMinutes(30), DayChange.Kind.WEBHOOK, 6));

        assertThat(DayScenario.webhookBursts(plan)).as("the 10-minute default window").isEqualTo(3);
    }
}
