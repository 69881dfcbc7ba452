package org.segmentlab.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.segmentlab.reports.ChannelRun;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** The word-of-mouth chart shows what drives acquisition: reputation, damping and the customers word of mouth brings. */
class WordOfMouthChartTest {

    private static final RunResult RUN = ChannelRun.get();

    private static List<JFreeChart> panels() {
        ReportChart chart = WordOfMouthChart.of(RUN);
        assertThat(chart.id()).isEqualTo("word-of-mouth");
        return ((PanelGridPlot) chart.chart().getPlot()).panels();
    }

    @Test
    void hasSixPanelsWithOneLinePerStrategy() {
        List<JFreeChart> panels = panels();
        assertThat(panels).extracting(p -> p.getTitle().getText()).containsExactly("Promoters", "Detractors", "Net word of mouth",
                "Reputation (\u22121 \u2026 1)", "Damping (1 = none)", "New by word of mouth");
        for (JFreeChart panel : panels) {
            XYDataset data = panel.getXYPlot().getDataset();
            assertThat(data.getSeriesCount()).isEqualTo(2);
            assertThat((Object) data.getSeriesKey(0)).isEqualTo("baseline");
            assertThat((Object) data.getSeriesKey(1)).isEqualTo("recovery");
        }
    }

    @Test
    void panelsPlotTheirMetricsMeanOverReplications() {
        List<JFreeChart> panels = panels();
        assertPlots(panels.get(0).getXYPlot(), List.of(Metric.PROMOTERS), 0);
        assertPlots(panels.get(1).getXYPlot(), List.of(Metric.DETRACTORS), 0);
        assertPlots(panels.get(2).getXYPlot(), List.of(Metric.NET_WOM), 0);
        assertPlots(panels.get(3).getXYPlot(), List.of(Metric.REPUTATION), 0);
        assertPlots(panels.get(4).getXYPlot(), List.of(Metric.WOM_DAMPING), 0);
        // a flow: no value at month 0; imitation and converted referrals together
        assertPlots(panels.get(5).getXYPlot(), List.of(Metric.ACQUIRED_WOM, Metric.ACQUIRED_REFERRAL), 1);
    }

    @Test
    void dampingIsBelowOneWithDetractorsOnAnAxisEndingAtOne() {
        XYPlot damping = panels().get(4).getXYPlot();
        assertThat(damping.getRangeAxis().getUpperBound()).isEqualTo(1.0);
        double lowest = 1;
        XYDataset data = damping.getDataset();
        for (int i = 0; i < data.getItemCount(0); i++) {
            lowest = Math.min(lowest, data.getYValue(0, i));
        }
        assertThat(lowest).as("κ = 1 and detractors: every channel is damped").isLessThan(0.99).isGreaterThan(0);
        assertThat(damping.getRangeAxis().getLowerBound()).isLessThanOrEqualTo(lowest);
    }

    @Test
    void referralsAreCountedAsWordOfMouth() {
        MetricsTable table = RUN.metrics();
        double referrals = 0;
        for (int t = 1; t <= table.months(); t++) {
            referrals += table.value("baseline", 0, Metric.ACQUIRED_REFERRAL.key(), t);
        }
        assertThat(referrals).as("the run has converted referrals, so the last panel differs from acquired_wom alone").isPositive();
    }

    private static void assertPlots(XYPlot plot, List<Metric> metrics, int firstMonth) {
        MetricsTable table = RUN.metrics();
        XYDataset data = plot.getDataset();
        for (int s = 0; s < table.strategies().size(); s++) {
            String strategy = table.strategies().get(s);
            int item = 0;
            for (int t = firstMonth; t <= table.months(); t++) {
                double sum = 0;
                for (int r = 0; r < table.replications(); r++) {
                    for (Metric m : metrics) {
                        sum += table.value(strategy, r, m.key(), t);
                    }
                }
                if (!Double.isFinite(sum)) {
                    continue;
                }
                assertThat(data.getXValue(s, item)).as(metrics + " month").isEqualTo(t);
                assertThat(data.getYValue(s, item)).as(metrics + " " + strategy + " month " + t).isCloseTo(sum / table.replications(), within(1e-9));
                item++;
            }
            assertThat(data.getItemCount(s)).as(metrics + " points").isEqualTo(item).isPositive();
        }
    }
}
