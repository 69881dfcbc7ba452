package org.segmentlab.reports.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.reports.Fixtures;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

class PairedDifferencesTest {

    @Test
    void aStrategyIdenticalToTheBaselineDiffersByExactlyZero() {
        RunResult run = SyntheticRun.of(3, 5, 12, 11, true);
        for (KeyFigure figure : KeyFigure.values()) {
            PairedDifference d = PairedDifferences.of(run.metrics(), "textbook", figure.metricKey());
            assertThat(d.mean()).as(figure.name()).isEqualTo(0.0);
            assertThat(d.low()).as(figure.name()).isEqualTo(0.0);
            assertThat(d.high()).as(figure.name()).isEqualTo(0.0);
            assertThat(d.containsZero()).isTrue();
            assertThat(d.replications()).isEqualTo(5);
        }
    }

    @Test
    void noisyPairedDifferencesAroundZeroGiveAnIntervalHoldingZero() {
        RunResult run = SyntheticRun.of(2, 6, 12, 3);
        double[] noise = {0.012, -0.008, 0.003, -0.012, 0.008, -0.003};
        MetricsTable shifted = Fixtures.shiftFinal(run.metrics(), Metric.RETENTION_INITIAL.key(), noise);
        PairedDifference d = PairedDifferences.of(shifted, "textbook", Metric.RETENTION_INITIAL.key());
        assertThat(d.mean()).isCloseTo(0.0, within(1e-12));
        assertThat(d.low()).isLessThan(0);
        assertThat(d.high()).isGreaterThan(0);
        assertThat(d.containsZero()).isTrue();
    }

    @Test
    void aClearShiftExcludesZero() {
        RunResult run = SyntheticRun.of(2, 6, 12, 3);
        double[] shift = {0.051, 0.049, 0.050, 0.052, 0.048, 0.050};
        MetricsTable shifted = Fixtures.shiftFinal(run.metrics(), Metric.RETENTION_INITIAL.key(), shift);
        PairedDifference d = PairedDifferences.of(shifted, "textbook", Metric.RETENTION_INITIAL.key());
        assertThat(d.mean()).isCloseTo(0.05, within(1e-12));
        assertThat(d.containsZero()).isFalse();
    }

    @Test
    void oneReplicationGivesThePointWithoutInterval() {
        RunResult run = SyntheticRun.of(2, 1, 12, 3);
        PairedDifference d = PairedDifferences.of(run.metrics(), "textbook", Metric.PROFIT_CUMULATIVE.key());
        assertThat(d.replications()).isEqualTo(1);
        assertThat(d.hasInterval()).isFalse();
        assertThat(d.mean()).isFinite();
        assertThat(d.low()).isNaN();
    }

    @Test
    void tableFormListsEveryNonBaselineStrategyAndKeyFigure() {
        RunResult run = SyntheticRun.of(4, 3, 12, 3);
        List<PairedDifference> all = PairedDifferences.of(run.metrics());
        assertThat(all).hasSize(3 * KeyFigure.values().length);
        assertThat(all).extracting(PairedDifference::strategy).doesNotContain("baseline");
        assertThat(all.get(0).strategy()).isEqualTo("textbook");
        assertThat(all.get(0).metric()).isEqualTo(KeyFigure.values()[0].metricKey());
    }

    @Test
    void strategyFiguresHoldFinalsAndDifferences() {
        RunResult run = SyntheticRun.of(3, 4, 12, 3);
        List<StrategyFigures> figures = StrategyFigures.of(run.metrics());
        assertThat(figures).hasSize(3);
        assertThat(figures.get(0).baseline()).isTrue();
        assertThat(figures.get(0).differences()).isEmpty();
        StrategyFigures second = figures.get(1);
        double expected = MeanInterval.of(run.metrics().finalValues("textbook", Metric.PROFIT_CUMULATIVE.key())).mean();
        assertThat(second.finalValue(KeyFigure.CUMULATIVE_PROFIT).mean()).isEqualTo(expected);
        assertThat(second.difference(KeyFigure.CUMULATIVE_PROFIT)).isPresent();
    }
}
