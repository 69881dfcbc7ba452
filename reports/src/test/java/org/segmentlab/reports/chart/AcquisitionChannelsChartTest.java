package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelRun;
import org.segmentlab.reports.SyntheticRun;
import org.segmentlab.simulator.metrics.AcquisitionChannel;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** New customers by channel: stacked so the top edge is acquired_total, one panel per strategy on one scale. */
class AcquisitionChannelsChartTest {

    private static final RunResult RUN = ChannelRun.get();

    @Test
    void stackSumsToAcquiredTotalEveryMonth() {
        MetricsTable table = RUN.metrics();
        ReportChart chart = AcquisitionChannelsChart.of(RUN);
        List<JFreeChart> panels = ((PanelGridPlot) chart.chart().getPlot()).panels();
        assertThat(panels).extracting(p -> p.getTitle().getText()).containsExactlyElementsOf(table.strategies());
        for (int s = 0; s < panels.size(); s++) {
            String strategy = table.strategies().get(s);
            XYDataset data = panels.get(s).getXYPlot().getDataset();
            assertThat(data.getSeriesCount()).isEqualTo(4);
            int top = data.getSeriesCount() - 1;
            // month 0 is the state before the first step: no flow, no point
            assertThat(data.getItemCount(top)).isEqualTo(table.months());
            for (int i = 0; i < data.getItemCount(top); i++) {
                int t = (int) data.getXValue(top, i);
                assertThat(t).isEqualTo(i + 1);
                double total = 0;
                for (int r = 0; r < table.replications(); r++) {
                    total += table.value(strategy, r, Metric.ACQUIRED_TOTAL.key(), t);
                }
                assertThat(data.getYValue(top, i)).as(strategy + " month " + t).isCloseTo(total / table.replications(), within(1e-9));
                for (int c = 1; c < data.getSeriesCount(); c++) {
                    assertThat(data.getYValue(c, i)).as("stacked").isGreaterThanOrEqualTo(data.getYValue(c - 1, i));
                }
            }
        }
    }

    @Test
    void everyChannelBringsCustomersInTheRunAndHasItsBand() {
        MetricsTable table = RUN.metrics();
        XYDataset data = ((PanelGridPlot) AcquisitionChannelsChart.of(RUN).chart().getPlot()).panels().get(0).getXYPlot().getDataset();
        for (int c = 0; c < AcquisitionChannelsChart.CHANNELS.size(); c++) {
            AcquisitionChannel channel = AcquisitionChannelsChart.CHANNELS.get(c);
            double sum = 0;
            double drawn = 0;
            for (int t = 1; t <= table.months(); t++) {
                for (int r = 0; r < table.replications(); r++) {
                    sum += table.value("baseline", r, AcquisitionChannelsChart.metric(channel).key(), t) / table.replications();
                }
                drawn += data.getYValue(c, t - 1) - (c == 0 ? 0 : data.getYValue(c - 1, t - 1));
            }
            assertThat(sum).as(channel.label() + " brings customers").isPositive();
            assertThat(drawn).as(channel.label() + " band").isCloseTo(sum, within(1e-6 * sum));
        }
    }

    @Test
    void panelsShareOneScaleAndTheLegendNamesTheChannels() {
        ReportChart chart = AcquisitionChannelsChart.of(SyntheticRun.of(5, 2, 12, 3));
        PanelGridPlot grid = (PanelGridPlot) chart.chart().getPlot();
        assertThat(grid.panels()).hasSize(5);
        double upper = grid.panels().get(0).getXYPlot().getRangeAxis().getUpperBound();
        for (JFreeChart panel : grid.panels()) {
            assertThat(panel.getXYPlot().getRangeAxis().getLowerBound()).isZero();
            assertThat(panel.getXYPlot().getRangeAxis().getUpperBound()).isEqualTo(upper);
        }
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < grid.getLegendItems().getItemCount(); i++) {
            legend.add(grid.getLegendItems().get(i).getLabel());
        }
        assertThat(legend).containsExactly("advertising", "imitation", "referral", "win-back");
    }

    @Test
    void isPartOfEveryReport() {
        assertThat(ReportCharts.all(RUN)).extracting(ReportChart::id).containsSubsequence("word-of-mouth", "acquisition-channels");
    }
}
