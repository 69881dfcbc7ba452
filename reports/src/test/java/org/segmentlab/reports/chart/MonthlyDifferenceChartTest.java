package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelRun;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The month-by-month difference chart draws, for each month, the paired difference to the baseline taken per
 * replication from the metrics, with the 95% interval of those differences, and a zero line to read it against.
 */
class MonthlyDifferenceChartTest {
    /** Panel order and the factor each panel shows its difference in (shares in percentage points). */
    private static final List<String> METRICS = List.of(Metric.PROFIT_CUMULATIVE.key(), Metric.ACTIVE.key(), Metric.RETENTION_INITIAL.key());
    private static final double[] FACTORS = {1, 1, 100};

    private static List<JFreeChart> panels(RunResult run) {
        return ((PanelGridPlot) MonthlyDifferenceChart.of(run).chart().getPlot()).panels();
    }

    @Test
    void everyMonthIsThePairedDifferenceOfTheMetricsWithItsBand() {
        RunResult run = ChannelRun.get();
        MetricsTable table = run.metrics();
        String baseline = table.strategies().get(0);
        String other = table.strategies().get(1);
        List<JFreeChart> panels = panels(run);
        assertThat(panels).hasSize(METRICS.size());
        int widened = 0;
        for (int p = 0; p < METRICS.size(); p++) {
            YIntervalSeriesCollection data = (YIntervalSeriesCollection) panels.get(p).getXYPlot().getDataset();
            // the baseline minus itself is not drawn: the zero line stands for it
            assertThat(data.getItemCount(0)).isZero();
            assertThat((Object) data.getSeriesKey(1)).isEqualTo(other);
            assertThat(data.getItemCount(1)).isEqualTo(table.months() + 1);
            for (int t = 0; t <= table.months(); t++) {
                double[] differences = new double[table.replications()];
                for (int r = 0; r < differences.length; r++) {
                    differences[r] = FACTORS[p] * (table.value(other, r, METRICS.get(p), t) - table.value(baseline, r, METRICS.get(p), t));
                }
                MeanInterval expected = MeanInterval.of(differences);
                double tolerance = 1e-9 * Math.max(1, Math.abs(expected.mean()));
                assertThat(data.getXValue(1, t)).isEqualTo(t);
                assertThat(data.getYValue(1, t)).as("%s month %d", METRICS.get(p), t).isCloseTo(expected.mean(), within(tolerance));
                assertThat(data.getStartYValue(1, t)).isCloseTo(expected.low(), within(tolerance));
                assertThat(data.getEndYValue(1, t)).isCloseTo(expected.high(), within(tolerance));
                assertThat(data.getStartYValue(1, t)).isLessThanOrEqualTo(data.getYValue(1, t));
                assertThat(data.getEndYValue(1, t)).isGreaterThanOrEqualTo(data.getYValue(1, t));
                if (data.getEndYValue(1, t) > data.getStartYValue(1, t)) {
                    widened++;
                }
            }
        }
        // two replications that differ give a band of real width
        assertThat(widened).isGreaterThan(METRICS.size() * table.months() / 2);
    }

    @Test
    void everyPanelHasAZeroLine() {
        for (JFreeChart panel : panels(ChannelRun.get())) {
            XYPlot plot = panel.getXYPlot();
            assertThat(plot.getRangeMarkers(Layer.FOREGROUND)).extracting(m -> ((org.jfree.chart.plot.ValueMarker) m).getValue()).contains(0.0);
            assertThat(plot.getRangeAxis().getRange().contains(0)).isTrue();
        }
    }

    @Test
    void oneReplicationDrawsLinesOnlyAndSaysSo() {
        RunResult run = SyntheticRun.of(3, 1, 12, 5);
        ReportChart chart = MonthlyDifferenceChart.of(run);
        assertThat(ChartExport.svgElement(chart.chart(), chart.id())).contains("1 replication: lines only, no interval");
        assertThat(chart.caption()).contains("one replication, so no interval is drawn");
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) panels(run).get(0).getXYPlot().getDataset();
        for (int s = 1; s < 3; s++) {
            for (int t = 0; t < data.getItemCount(s); t++) {
                assertThat(data.getStartYValue(s, t)).isEqualTo(data.getYValue(s, t));
                assertThat(data.getEndYValue(s, t)).isEqualTo(data.getYValue(s, t));
            }
        }
    }

    @Test
    void theReportHasItAfterTheForestPlotOnlyWhenThereIsSomethingToCompare() {
        assertThat(ReportCharts.all(ChannelRun.get())).extracting(ReportChart::id).containsSubsequence("differences", "differences-monthly");
        assertThat(ReportCharts.all(SyntheticRun.of(1, 2, 6, 5))).extracting(ReportChart::id).doesNotContain("differences-monthly");
    }

    @Test
    void legendNamesOnlyTheComparedStrategies() {
        RunResult run = SyntheticRun.of(3, 2, 6, 5);
        List<String> legend = new java.util.ArrayList<>();
        org.jfree.chart.LegendItemCollection items = MonthlyDifferenceChart.of(run).chart().getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertThat(legend).containsExactly(run.metrics().strategies().get(1), run.metrics().strategies().get(2));
    }
}
