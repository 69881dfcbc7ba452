package org.segmentlab.reports.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void meanPlusMinusTQuantileTimesStandardError() {
        Interval i = Interval.of(new double[] {1, 2, 3, 4, 5});
        // sd = sqrt(2.5), t(0.975, 4) = 2.7764451
        double half = 2.7764451052 * Math.sqrt(2.5) / Math.sqrt(5);
        assertThat(i.mean()).isEqualTo(3.0);
        assertThat(i.low()).isCloseTo(3 - half, within(1e-8));
        assertThat(i.high()).isCloseTo(3 + half, within(1e-8));
        assertThat(i.n()).isEqualTo(5);
    }

    @Test
    void identicalValuesGiveAZeroWidthInterval() {
        Interval i = Interval.of(new double[] {0.1, 0.1, 0.1, 0.1});
        assertThat(i.low()).isEqualTo(0.1);
        assertThat(i.high()).isEqualTo(0.1);
        assertThat(i.contains(0.1)).isTrue();
    }

    @Test
    void oneValueHasNoInterval() {
        Interval i = Interval.of(new double[] {7});
        assertThat(i.mean()).isEqualTo(7);
        assertThat(i.hasInterval()).isFalse();
        assertThat(i.low()).isNaN();
        assertThat(i.high()).isNaN();
    }

    @Test
    void nonFiniteValuesAreLeftOut() {
        Interval i = Interval.of(new double[] {Double.NaN, 2, 4, Double.POSITIVE_INFINITY});
        assertThat(i.n()).isEqualTo(2);
        assertThat(i.mean()).isEqualTo(3);
        assertThat(Interval.of(new double[] {Double.NaN}).mean()).isNaN();
    }

    @Test
    void tQuantilesMatchTables() {
        assertThat(Interval.tQuantile(1)).isCloseTo(12.7062047, within(1e-6));
        assertThat(Interval.tQuantile(9)).isCloseTo(2.2621572, within(1e-6));
        assertThat(Interval.tQuantile(1000)).isCloseTo(1.9623391, within(1e-6));
        assertThrows(IllegalArgumentException.class, () -> Interval.tQuantile(0));
    }
}
