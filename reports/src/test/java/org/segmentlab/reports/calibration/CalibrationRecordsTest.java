package org.segmentlab.reports.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The input records refuse what would draw a wrong chart: mismatched lengths, impossible values, missing parts. */
class CalibrationRecordsTest {
    private static final String[] THREE = {"0", "1", "2+"};

    @Test
    void histogramRejectsMismatchedLengths() {
        assertThatThrownBy(() -> new RepeatHistogram(THREE, new double[] {1, 2}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observedCustomers has 2 values but labels has 3");
        assertThatThrownBy(() -> new RepeatHistogram(THREE, new double[] {1, 2, 3}, new double[] {1, 2, 3, 4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expectedCustomers");
        assertThatThrownBy(() -> new RepeatHistogram(new String[0], new double[0], new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RepeatHistogram(THREE, new double[] {1, -2, 3}, new double[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observedCustomers[1]");
    }

    @Test
    void histogramCopiesItsArrays() {
        double[] observed = {5, 3, 1};
        RepeatHistogram h = new RepeatHistogram(THREE, observed, new double[] {5, 3, 1});
        observed[0] = 99;
        assertThat(h.observedCustomers()[0]).isEqualTo(5);
        assertThat(h.observedTotal()).isEqualTo(9);
    }

    @Test
    void trackingRejectsMismatchedLengthsAndAMisplacedCalibrationEnd() {
        double[] t = {1, 2, 3, 4};
        double[] v = {1, 2, 3, 4};
        assertThatThrownBy(() -> new TrackingSeries("week", t, v, v, new double[] {1, 2, 3}, v, 2, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observedIncremental has 3 values but period has 4");
        assertThatThrownBy(() -> new TrackingSeries("week", t, v, new double[] {1}, v, v, 2, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expectedCumulative");
        assertThatThrownBy(() -> new TrackingSeries("week", t, v, v, v, v, 5, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("calibrationEnd");
        assertThatThrownBy(() -> new TrackingSeries("week", new double[] {1, 3, 2, 4}, v, v, v, v, 2, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("increasing");
        assertThatThrownBy(() -> new TrackingSeries("Weeks", t, v, v, v, v, 2, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unit");
    }

    @Test
    void trackingFromIncrementsSumsTheCumulatives() {
        TrackingSeries s = TrackingSeries.ofIncremental("week", new double[] {1, 2, 3}, new double[] {1.5, 1.5, 1.5}, 2, LocalDate.of(1997, 1, 1));
        assertThat(s.period()).containsExactly(1, 2, 3);
        assertThat(s.observedCumulative()).containsExactly(1, 3, 6);
        assertThat(s.expectedCumulative()).containsExactly(1.5, 3, 4.5);
        assertThat(s.calibrationEnd()).isEqualTo(2);
        assertThat(s.length()).isEqualTo(3);
    }

    @Test
    void conditionalRejectsMismatchedLengths() {
        assertThatThrownBy(() -> new ConditionalExpectation(THREE, new double[] {1, 2, 3}, new double[] {1, 2, 3}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customers has 2 values but labels has 3");
        assertThatThrownBy(() -> new ConditionalExpectation(THREE, new double[] {1, 2}, new double[] {1, 2, 3}, new int[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observedMeanHoldout");
        assertThatThrownBy(() -> new ConditionalExpectation(THREE, new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3}, new int[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expectedMeanHoldout[1]");
        // an empty observed group is NaN, allowed
        assertThat(new ConditionalExpectation(THREE, new double[] {1, Double.NaN, 3}, new double[] {1, 2, 3}, new int[] {1, 0, 3}).size())
                .isEqualTo(3);
    }

    @Test
    void survivalAllowsAShorterObservedSeriesOnly() {
        double[] t = {0, 1, 2};
        assertThat(new SurvivalSeries("year", t, new double[] {1, 0.6}, new double[] {1, 0.62, 0.45}).hasProjection()).isTrue();
        assertThatThrownBy(() -> new SurvivalSeries("year", t, new double[] {1, 0.6, 0.5, 0.4}, new double[] {1, 0.62, 0.45}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than the 3 periods");
        assertThatThrownBy(() -> new SurvivalSeries("year", t, new double[] {1}, new double[] {1, 0.62})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fittedSurvival has 2 values but period has 3");
        assertThatThrownBy(() -> new SurvivalSeries("year", t, new double[] {1, 1.2}, new double[] {1, 0.62, 0.4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("share");
        assertThatThrownBy(() -> new SurvivalSeries("year", t, new double[0], new double[] {1, 0.62, 0.4})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spendRejectsMismatchedGridAndDensity() {
        assertThatThrownBy(() -> new SpendDistribution(new double[] {10, 20}, new double[] {0, 1, 2}, new double[] {0.1, 0.2}, "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fittedDensity has 2 values but gridSpend has 3");
        assertThatThrownBy(() -> new SpendDistribution(new double[0], new double[] {0, 1}, new double[] {0.1, 0.2}, "USD"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("observedMeanSpend");
        assertThatThrownBy(() -> new SpendDistribution(new double[] {10, Double.NaN}, new double[] {0, 1}, new double[] {0.1, 0.2}, "USD"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SpendDistribution(new double[] {10}, new double[] {0, 1}, new double[] {0.1, 0.2}, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currency");
    }

    @Test
    void modelsAndParametersAreChecked() {
        FittedParameter r = new FittedParameter("r", 0.24, 0.01);
        assertThatThrownBy(() -> new FittedParameter("r", Double.NaN, 0.01)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("estimate");
        assertThatThrownBy(() -> new FittedParameter("r", 1, -0.1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("standard error");
        assertThat(new FittedParameter("r", 1, Double.NaN).standardError()).isNaN();
        assertThatThrownBy(() -> new FittedModel("BG/NBD", "", List.of(), -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedModel("BG/NBD", "", List.of(r, r), -1, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new FittedModel("BG/NBD", "", List.of(r), Double.NEGATIVE_INFINITY, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FittedModel("BG/NBD", "", List.of(r), -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new FittedModel("BG/NBD", null, List.of(r), -1, 1).description()).isEmpty();
    }

    @Test
    void reportInputNeedsModelsAHistogramAndOneUnit() {
        List<FittedModel> models = CalibrationFixtures.models();
        RepeatHistogram h = CalibrationFixtures.histogram();
        assertThatThrownBy(() -> new CalibrationReportInput("t", "s.csv", null, "week", List.of(), h, null, null, null, null, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("models");
        assertThatThrownBy(() -> new CalibrationReportInput("t", "s.csv", null, "week", models, null, null, null, null, null, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("histogram");
        assertThatThrownBy(() -> new CalibrationReportInput("t", "s.csv", null, "month", models, h, CalibrationFixtures.tracking(), null, null, null, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("per week");
    }
}
