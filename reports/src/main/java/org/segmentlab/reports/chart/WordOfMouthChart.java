package org.segmentlab.reports.chart;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** Word of mouth in four panels: promoters, detractors, net WOM and WOM-driven acquisitions, one line per strategy. */
public final class WordOfMouthChart {
    public static final String ID = "word-of-mouth";

    private WordOfMouthChart() {
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        JFreeChart promoters = panel(table, Metric.PROMOTERS, "Promoters (customers)", Formats.compactTicks(), false, false);
        JFreeChart detractors = panel(table, Metric.DETRACTORS, "Detractors (customers)", Formats.compactTicks(), false, false);
        JFreeChart net = panel(table, Metric.NET_WOM, "Net word of mouth (% of active)", Formats.percentTicks(), true, true);
        JFreeChart acquired = panel(table, Metric.ACQUIRED_WOM, "New customers via WOM (per month)", Formats.compactTicks(), true, false);
        PanelGridPlot grid = new PanelGridPlot(List.of(promoters, detractors, net, acquired), 2, Legends.strategies(table.strategies()));
        String title = "Word of mouth";
        JFreeChart chart = ChartStyle.chart(title, StrategyLines.bandNote(table.replications())
                + " · net = (promoters − detractors) / active", grid, true);
        String caption = "Promoters and detractors among active customers, net word of mouth ((promoters − detractors) / active) and the customers "
                + "acquired through word of mouth each month, per strategy; " + StrategyLines.bandCaption(table.replications()) + ".";
        return new ReportChart(ID, title, caption, chart);
    }

    private static JFreeChart panel(MetricsTable table, Metric metric, String title, org.jfree.chart.axis.TickUnitSource ticks,
            boolean monthLabel, boolean zeroLine) {
        NumberAxis y = ChartStyle.valueAxis(null, ticks);
        // acquisitions are a per-month flow: nothing to show at month 0
        int firstMonth = metric == Metric.ACQUIRED_WOM ? 1 : 0;
        XYPlot plot = StrategyLines.plot(table, metric.key(), y, firstMonth);
        if (!monthLabel) {
            plot.getDomainAxis().setLabel(null);
        }
        if (zeroLine) {
            plot.addRangeMarker(ChartStyle.zeroLine());
        }
        return StrategyLines.panel(title, plot);
    }
}
