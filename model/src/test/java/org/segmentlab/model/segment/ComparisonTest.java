package org.segmentlab.model.segment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code min} ≥, {@code max} ≤, {@code above} >, {@code below} < (DESIGN.md, "Conditions"); NaN never passes. */
class ComparisonTest {

    @ParameterizedTest(name = "{1} {0} 6 -> {2}")
    @CsvSource({
            "min,   6,          true",
            "min,   5.9999995,  false",
            "max,   6,          true",
            "max,   6.0000005,  false",
            "above, 6,          false",
            "above, 6.0000005,  true",
            "below, 6,          false",
            "below, 5.9999995,  true",
    })
    void atAndBesideTheThreshold(String key, float value, boolean passes) {
        assertThat(Comparison.byKey(key).orElseThrow().test(value, 6f)).isEqualTo(passes);
    }

    @ParameterizedTest
    @EnumSource(Comparison.class)
    void anUnknownValueNeverPasses(Comparison c) {
        assertThat(c.test(Float.NaN, 0f)).isFalse();
        assertThat(Condition.of(org.segmentlab.model.feature.Feature.SATISFACTION, c, 0.3).test(Float.NaN)).isFalse();
    }

    @Test
    void minusZeroEqualsZero() {
        assertThat(Comparison.MIN.test(-0f, 0f)).isTrue();
        assertThat(Comparison.BELOW.test(-0f, 0f)).isFalse();
    }

    @Test
    void keysAndSymbols() {
        assertThat(Comparison.values()).extracting(Comparison::key).containsExactly("min", "max", "above", "below");
        assertThat(Comparison.values()).extracting(Comparison::symbol).containsExactly(">=", "<=", ">", "<");
        assertThat(Comparison.allowedKeys()).isEqualTo("min, max, above, below");
        assertThat(Comparison.byKey(">=")).isEmpty();
        assertThat(Comparison.byKey("between")).isEmpty();
        assertThat(Condition.of(org.segmentlab.model.feature.Feature.FREQUENCY, Comparison.MIN, 6))
                .hasToString("frequency >= 6.0");
    }
}
