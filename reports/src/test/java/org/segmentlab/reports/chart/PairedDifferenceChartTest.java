package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.Fixtures;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.RunResult;

/** The forest plot draws exactly the paired differences: zero for a copy of the baseline, an interval around zero for noise. */
class PairedDifferenceChartTest {

    /** Panel 0 is final retention; series 0 is the second strategy. */
    private static XYIntervalSeriesCollection retentionPanel(RunResult run) {
        PanelGridPlot grid = (PanelGridPlot) PairedDifferenceChart.of(run).chart().getPlot();
        return (XYIntervalSeriesCollection) grid.panels().get(0).getXYPlot().getDataset();
    }

    @Test
    void aCopyOfTheBaselineIsDrawnAtZeroWithAZeroWidthInterval() {
        RunResult run = SyntheticRun.of(3, 5, 12, 9, true);
        XYIntervalSeriesCollection data = retentionPanel(run);
        assertThat(data.getXValue(0, 0)).isEqualTo(0.0);
        assertThat(data.getStartXValue(0, 0)).isEqualTo(0.0);
        assertThat(data.getEndXValue(0, 0)).isEqualTo(0.0);
        // the third strategy really differs
        assertThat(data.getStartXValue(1, 0)).isGreaterThan(0.0);
    }

    @Test
    void noisyDifferencesAroundZeroGiveAWhiskerAcrossZero() {
        RunResult base = SyntheticRun.of(2, 6, 12, 9);
        double[] noise = {0.012, -0.008, 0.003, -0.012, 0.008, -0.003};
        RunResult run = Fixtures.withMetrics(base, Fixtures.shiftFinal(base.metrics(), Metric.RETENTION_INITIAL.key(), noise));
        XYIntervalSeriesCollection data = retentionPanel(run);
        assertThat(data.getXValue(0, 0)).isCloseTo(0.0, within(1e-9));
        assertThat(data.getStartXValue(0, 0)).isLessThan(0.0);
        assertThat(data.getEndXValue(0, 0)).isGreaterThan(0.0);
    }

    @Test
    void oneReplicationSaysThereIsNoInterval() {
        ReportChart chart = PairedDifferenceChart.of(SyntheticRun.of(2, 1, 6, 9));
        assertThat(chart.caption()).contains("no interval: 1 replication");
        assertThat(chart.chart().getSubtitle(0)).isInstanceOfSatisfying(TextTitle.class,
                t -> assertThat(t.getText()).contains("no interval: 1 replication"));
        String svg = ChartExport.svgElement(chart.chart(), chart.id());
        assertThat(svg).contains("no interval: 1 replication");
    }
}
