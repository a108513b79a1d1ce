package com.golisto.sync.core.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void of_250ItemsBy100_givesThreeBatchesInOrder() {
        List<Integer> items = IntStream.range(0, 250).boxed().toList();

        List<List<Integer>> batches = Batches.of(items, 100);

        assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(items);
    }

    @Test
    void of_emptyList_givesNoBatch() {
        assertThat(Batches.of(List.of(), 100)).isEmpty();
    }

    @Test
    void of_sizeBelowOne_isRefused() {
        assertThatThrownBy(() -> Batches.of(List.of(1), 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
