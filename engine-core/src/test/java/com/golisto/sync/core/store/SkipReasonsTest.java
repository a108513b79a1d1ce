package com.golisto.sync.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The {@code sync_runs.skip_reasons} text: written and read back, bounded, tolerant of lines it did not write. */
class SkipReasonsTest {

    @Test
    void reasons_areReadBackAsWritten() {
        Map<String, Long> reasons = Map.of("draft", 2L, "no price", 1L, "removed in shop", 7L);

        assertThat(SkipReasons.decode(SkipReasons.encode(reasons))).isEqualTo(reasons);
        assertThat(SkipReasons.encode(Map.of())).isNull();
        assertThat(SkipReasons.decode(null)).isEmpty();
    }

    @Test
    void aTextThatWouldNotFitTheColumn_keepsTheLinesThatFit() {
        Map<String, Long> many = new TreeMap<>();
        for (int i = 0; i < 200; i++) {
            many.put("reason number " + i, 1L);
        }

        String text = SkipReasons.encode(many);

        assertThat(text).hasSizeLessThanOrEqualTo(Limits.MESSAGE);
        assertThat(SkipReasons.decode(text)).hasSizeLessThan(200).allSatisfy((reason, n) -> assertThat(n).isEqualTo(1L));
    }

    @Test
    void linesThisVersionDidNotWrite_areIgnored() {
        assertThat(SkipReasons.decode("3\tdraft\nnot a line\nx\tno price\n-1\ttrashed")).containsExactly(Map.entry("draft", 3L));
    }
}
