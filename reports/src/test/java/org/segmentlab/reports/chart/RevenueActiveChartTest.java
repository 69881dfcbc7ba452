package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelRun;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** Revenue and active customers are drawn as the metrics say: the mean over replications, per strategy and month. */
class RevenueActiveChartTest {

    @Test
    void revenueFromMonthOneAndActiveFromMonthZeroEqualTheMetrics() {
        RunResult run = ChannelRun.get();
        MetricsTable table = run.metrics();
        ReportChart chart = RevenueActiveChart.of(run);
        assertThat(chart.id()).isEqualTo("revenue-active");
        List<JFreeChart> panels = ((PanelGridPlot) chart.chart().getPlot()).panels();
        assertThat(panels).hasSize(2);
        check(table, (YIntervalSeriesCollection) panels.get(0).getXYPlot().getDataset(), Metric.REVENUE.key(), 1);
        check(table, (YIntervalSeriesCollection) panels.get(1).getXYPlot().getDataset(), Metric.ACTIVE.key(), 0);
        assertThat(ReportCharts.all(run)).extracting(ReportChart::id).containsSubsequence("profit", "revenue-active");
    }

    private static void check(MetricsTable table, YIntervalSeriesCollection data, String metric, int firstMonth) {
        assertThat(data.getSeriesCount()).isEqualTo(table.strategies().size());
        for (int s = 0; s < table.strategies().size(); s++) {
            String strategy = table.strategies().get(s);
            assertThat((Object) data.getSeriesKey(s)).isEqualTo(strategy);
            assertThat(data.getItemCount(s)).isEqualTo(table.months() + 1 - firstMonth);
            for (int i = 0; i < data.getItemCount(s); i++) {
                int month = firstMonth + i;
                double mean = 0;
                for (int r = 0; r < table.replications(); r++) {
                    mean += table.value(strategy, r, metric, month) / table.replications();
                }
                assertThat(data.getXValue(s, i)).isEqualTo(month);
                assertThat(data.getYValue(s, i)).as("%s %s month %d", strategy, metric, month).isCloseTo(mean, within(1e-9 * Math.max(1, mean)));
            }
        }
    }
}
