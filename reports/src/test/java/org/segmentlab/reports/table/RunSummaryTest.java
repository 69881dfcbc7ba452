package org.segmentlab.reports.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** The three summary lines: who is best by profit and by retention, by how much, with what interval. */
class RunSummaryTest {
    private static final List<String> METRICS = List.of(Metric.RETENTION_INITIAL.key(), Metric.TOP20_SHARE.key(),
            Metric.NET_WOM.key(), Metric.PROFIT_CUMULATIVE.key());

    /**
     * A run whose final values are given per strategy and replication: {@code profit[s][r]}, {@code retention[s][r]}.
     */
    private static RunResult run(List<String> strategies, double[][] profit, double[][] retention) {
        int replications = profit[0].length;
        double[][][][] values = new double[strategies.size()][replications][METRICS.size()][2];
        for (int s = 0; s < strategies.size(); s++) {
            for (int r = 0; r < replications; r++) {
                values[s][r][0] = new double[] {1, retention[s][r]};
                values[s][r][1] = new double[] {0.5, 0.6};
                values[s][r][2] = new double[] {0, 0.1};
                values[s][r][3] = new double[] {0, profit[s][r]};
            }
        }
        MetricsTable table = new MetricsTable(strategies, replications, 1, METRICS, values);
        return new RunResult("Four types", "EUR", 42, List.of("loyal"), List.of("a"), new int[] {-1}, table, List.of());
    }

    @Test
    void namesTheBestStrategyByProfitAndByRetentionWithDifferenceAndInterval() {
        RunResult result = run(List.of("baseline", "textbook", "retain-all"),
                new double[][] {{1_000_000, 1_100_000, 900_000}, {8_700_000, 8_900_000, 8_500_000}, {2_000_000, 2_100_000, 1_900_000}},
                new double[][] {{0.70, 0.72, 0.71}, {0.73, 0.75, 0.74}, {0.80, 0.83, 0.80}});
        List<String> lines = RunSummary.of(result).lines();
        assertThat(lines).hasSize(3);
        // textbook − baseline per replication: 7.7M, 7.8M, 7.6M → mean 7.7M
        assertThat(lines.get(0)).startsWith("Best by cumulative profit: textbook, +7.7M EUR vs baseline (95% interval +7.45M to +7.95M, 3 paired replications)");
        // retain-all − baseline: 10, 11, 9 pp → mean 10 pp
        assertThat(lines.get(1)).startsWith("Best by final retention: retain-all, +10.0 pp vs baseline (95% interval +7.5 pp to +12.5 pp, 3 paired replications)");
        assertThat(lines.get(0)).doesNotContain("includes zero");
        assertThat(lines.get(2)).isEqualTo("Baseline: cumulative profit 1M EUR, final retention 71.0% at month 1; 3 strategies, 3 replications.");
    }

    @Test
    void oneReplicationSaysThereIsNoInterval() {
        RunResult result = run(List.of("baseline", "textbook"), new double[][] {{100}, {250}}, new double[][] {{0.5}, {0.6}});
        List<String> lines = RunSummary.of(result).lines();
        assertThat(lines.get(0)).isEqualTo("Best by cumulative profit: textbook, +150 EUR vs baseline (no interval: 1 replication).");
        assertThat(lines.get(1)).isEqualTo("Best by final retention: textbook, +10.0 pp vs baseline (no interval: 1 replication).");
        assertThat(lines.get(2)).contains("1 replication.");
    }

    @Test
    void whenNoStrategyBeatsTheBaselineItSaysSoAndNamesTheClosest() {
        RunResult result = run(List.of("status-quo", "discount", "blanket"),
                new double[][] {{1000, 1010}, {900, 880}, {500, 520}},
                new double[][] {{0.5, 0.5}, {0.5, 0.5}, {0.4, 0.4}});
        List<String> lines = RunSummary.of(result).lines();
        assertThat(lines.get(0)).startsWith("Best by cumulative profit: the baseline status-quo; the closest, discount, is \u2212115 EUR vs status-quo");
        // discount equals the baseline in every replication: a zero-width interval that holds zero
        assertThat(lines.get(1)).startsWith("Best by final retention: the baseline status-quo; the closest, discount, is +0.0 pp")
                .contains("includes zero: not distinguishable from the baseline");
    }

    @Test
    void aSingleStrategyHasNothingToCompare() {
        RunResult result = run(List.of("baseline"), new double[][] {{2500}}, new double[][] {{0.8}});
        List<String> lines = RunSummary.of(result).lines();
        assertThat(lines.get(0)).isEqualTo("Best by cumulative profit: baseline (the only strategy, nothing to compare), 2.5k EUR.");
        assertThat(lines.get(1)).isEqualTo("Best by final retention: baseline (the only strategy, nothing to compare), 80.0%.");
    }
}
