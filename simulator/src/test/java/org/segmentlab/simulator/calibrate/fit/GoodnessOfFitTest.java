package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** FHL's goodness-of-fit views of the CDNOW BG/NBD fit: repeat histogram, tracking curve, conditional check. */
class GoodnessOfFitTest {

    private static CustomerSummaries summaries;
    private static BgNbd model;

    @BeforeAll
    static void fit() {
        summaries = Cdnow.weekly();
        model = BgNbdFit.model(BgNbdFit.fit(summaries));
    }

    /**
     * The observed bins are FHL's Fig. 2 (1,411 customers with no repeat purchase … 64 with 7+). The expected
     * ones: every bin within 15% (measured: at most 12%, the 6 and 7+ bins of 29 and 64 customers), Pearson's
     * distance below 10 (measured 4.8).
     */
    @Test
    void repeatHistogramMatchesFaderHardieLee() {
        RepeatHistogram h = RepeatHistogram.of(model, summaries, 7);
        assertThat(h.observed()).containsExactly(1411, 439, 214, 100, 62, 38, 29, 64);
        double[] e = h.expected();
        assertThat(Arrays.stream(e).sum()).isCloseTo(2357, within(1e-6));
        for (int x = 0; x < h.bins(); x++) {
            assertThat(e[x]).as("x = %d", x).isCloseTo(h.observed()[x], within(0.15 * h.observed()[x]));
        }
        assertThat(h.chiSquare()).isLessThan(10);
    }

    @Test
    void countProbabilitiesOfEveryCustomerSumToOne() {
        // With 300 closed bins the open one must be empty: P(X(T) = x) sums to 1 over x for every customer's T.
        RepeatHistogram h = RepeatHistogram.of(model, summaries, 300);
        assertThat(h.expected()[300]).isLessThan(1e-6);
        assertThat(Arrays.stream(h.expected()).limit(300).sum()).isCloseTo(2357, within(1e-6));
    }

    /**
     * 78 weeks, 39 of calibration. Observed: 2,457 repeat purchases by week 39 and 4,339 by week 78. Expected at
     * week 39 within 2% (measured 2,494, +1.5%: the model is fitted to these weeks); at week 78 within 6% (measured
     * 4,160.6, −4.1%: the holdout shortfall of {@link CdnowFitTest}).
     */
    @Test
    void trackingCurveFollowsCumulativeRepeatPurchases() {
        TrackingCurve c = TrackingCurve.of(model, summaries, Cdnow.history());
        assertThat(c.periods()).isEqualTo(78);
        assertThat(c.calibrationPeriods()).isEqualTo(39);
        long[] observed = c.observedCumulative();
        double[] expected = c.expectedCumulative();
        assertThat(observed[38]).isEqualTo(summaries.totalRepeats());
        assertThat(observed[77]).isEqualTo(summaries.totalRepeats() + summaries.totalHoldoutRepeats());
        assertThat(expected[38]).isCloseTo(2457, within(0.02 * 2457));
        assertThat(expected[77]).isCloseTo(4339, within(0.06 * 4339));
        // Week 39 ends on the calibration end: every customer contributes E[X(T_i)], the same clock as the fit.
        double atCalibrationEnd = 0;
        for (int i = 0; i < summaries.size(); i++) {
            atCalibrationEnd += model.expectedTransactions(summaries.age(i));
        }
        assertThat(expected[38]).isCloseTo(atCalibrationEnd, within(1e-6));
        assertThat(Arrays.stream(c.observedIncremental()).sum()).isEqualTo(observed[77]);
        assertThat(Arrays.stream(c.expectedIncremental()).sum()).isCloseTo(expected[77], within(1e-6));
        assertThat(Arrays.stream(c.expectedIncremental()).min().orElseThrow()).isPositive();
    }

    /**
     * By calibration frequency, the holdout means against E[Y(39) | x, t_x, T]: the bins hold every customer and
     * every holdout purchase; each expected mean within 30% of the observed one (measured: x = 1 and 2 are 25%
     * low, FHL's Fig. 5 shows the same dip; the others within 15%), and both rise with x.
     */
    @Test
    void conditionalExpectationsTrackHoldoutPurchasesByFrequency() {
        List<ConditionalExpectationCheck.Row> rows = ConditionalExpectationCheck.of(model, summaries, 7);
        assertThat(rows).hasSize(8);
        assertThat(rows.stream().mapToLong(ConditionalExpectationCheck.Row::customers).sum()).isEqualTo(2357);
        assertThat(rows.stream().mapToDouble(r -> r.observedMean() * r.customers()).sum())
                .isCloseTo(summaries.totalHoldoutRepeats(), within(1e-6));
        for (ConditionalExpectationCheck.Row r : rows) {
            assertThat(r.expectedMean()).as("%s", r).isCloseTo(r.observedMean(), within(0.30 * r.observedMean()));
        }
        for (int x = 1; x < rows.size(); x++) {
            assertThat(rows.get(x).expectedMean()).isGreaterThan(rows.get(x - 1).expectedMean());
        }
    }
}
