package org.segmentlab.simulator.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** The one interval: its formula, its rules for one value and for non-finite values, and its t quantiles. */
class MeanIntervalTest {

    @Test
    void meanPlusMinusTQuantileTimesStandardError() {
        MeanInterval i = MeanInterval.of(new double[] {1, 2, 3, 4, 5});
        // sd = sqrt(2.5), t(0.975, 4) = 2.7764451
        double half = 2.7764451052 * Math.sqrt(2.5) / Math.sqrt(5);
        assertThat(i.mean()).isEqualTo(3.0);
        assertThat(i.low()).isCloseTo(3 - half, within(1e-8));
        assertThat(i.high()).isCloseTo(3 + half, within(1e-8));
        assertThat(i.n()).isEqualTo(5);
    }

    @Test
    void identicalValuesGiveAZeroWidthInterval() {
        MeanInterval i = MeanInterval.of(new double[] {0.1, 0.1, 0.1, 0.1});
        assertThat(i.low()).isEqualTo(0.1);
        assertThat(i.high()).isEqualTo(0.1);
        assertThat(i.contains(0.1)).isTrue();
    }

    @Test
    void oneValueHasNoInterval() {
        MeanInterval i = MeanInterval.of(new double[] {7});
        assertThat(i.mean()).isEqualTo(7);
        assertThat(i.hasInterval()).isFalse();
        assertThat(i.low()).isNaN();
        assertThat(i.high()).isNaN();
        assertThat(i.contains(7)).as("no interval contains nothing").isFalse();
        assertThat(MeanInterval.of(new double[0]).mean()).isNaN();
    }

    @Test
    void nonFiniteValuesAreLeftOut() {
        MeanInterval i = MeanInterval.of(new double[] {Double.NaN, 2, 4, Double.POSITIVE_INFINITY});
        assertThat(i.n()).isEqualTo(2);
        assertThat(i.mean()).isEqualTo(3);
        assertThat(MeanInterval.of(new double[] {Double.NaN}).mean()).isNaN();
    }

    @Test
    void ofAllIsUndefinedAsSoonAsOneValueIs() {
        MeanInterval missing = MeanInterval.ofAll(new double[] {1, Double.NaN, 3});
        assertThat(missing.mean()).isNaN();
        assertThat(missing.low()).isNaN();
        assertThat(missing.high()).isNaN();
        assertThat(missing.n()).as("every value counts, the missing one too").isEqualTo(3);
        double[] complete = {1, 2, 3};
        assertThat(MeanInterval.ofAll(complete)).isEqualTo(MeanInterval.of(complete));
    }

    @Test
    void aStreamingReaderGetsTheSameInterval() {
        double[] values = {12.5, 9.75, 14.0, 11.25, 10.5, 13.0};
        double sum = 0;
        double sumOfSquares = 0;
        for (double v : values) {
            sum += v;
            sumOfSquares += v * v;
        }
        int n = values.length;
        double mean = sum / n;
        MeanInterval streamed = MeanInterval.ofMoments(n, mean, (sumOfSquares - n * mean * mean) / (n - 1));
        MeanInterval direct = MeanInterval.of(values);
        assertThat(streamed.mean()).isEqualTo(direct.mean());
        assertThat(streamed.low()).isCloseTo(direct.low(), within(1e-12));
        assertThat(streamed.high()).isCloseTo(direct.high(), within(1e-12));
        assertThat(MeanInterval.ofMoments(1, 4, Double.NaN)).isEqualTo(MeanInterval.of(new double[] {4}));
        assertThat(MeanInterval.ofMoments(0, Double.NaN, Double.NaN)).isEqualTo(MeanInterval.of(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.ofMoments(-1, 0, 0));
    }

    @Test
    void tQuantilesMatchTables() {
        assertThat(MeanInterval.tQuantile(1)).isCloseTo(12.7062047, within(1e-6));
        assertThat(MeanInterval.tQuantile(9)).isCloseTo(2.2621572, within(1e-6));
        assertThat(MeanInterval.tQuantile(1000)).isCloseTo(1.9623391, within(1e-6));
        assertThrows(IllegalArgumentException.class, () -> MeanInterval.tQuantile(0));
    }

    @Test
    void tQuantilesWithoutAGeneratorAreTheOldNumbers() {
        // The three former implementations built new TDistribution(df), which seeds a generator from the clock; the
        // generator-free quantiles are the same numbers, so no printed interval moved.
        for (int df = 1; df <= 130; df++) {
            assertThat(MeanInterval.tQuantile(df)).as("t(0.975, %d)", df)
                    .isEqualTo(new TDistribution(df).inverseCumulativeProbability(0.975));
        }
    }
}
