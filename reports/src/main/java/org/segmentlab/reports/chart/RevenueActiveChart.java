package org.segmentlab.reports.chart;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Revenue per month and active customers, side by side, one line per strategy: when revenue dips deeper than the
 * customer count, the customers lost were the valuable ones (a rep departure takes key accounts).
 */
final class RevenueActiveChart {
    public static final String ID = "revenue-active";

    private RevenueActiveChart() {
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        String currency = result.currency();
        NumberAxis revenueAxis = ChartStyle.valueAxis("Revenue in the month (" + currency + ")", Formats.compactTicks());
        // revenue is a flow: month 0 (before the first step) has none
        JFreeChart revenue = StrategyLines.panel("Revenue per month", StrategyLines.plot(table, Metric.REVENUE.key(), revenueAxis, 1));
        NumberAxis activeAxis = ChartStyle.valueAxis("Active customers", Formats.compactTicks());
        XYPlot activePlot = StrategyLines.plot(table, Metric.ACTIVE.key(), activeAxis, 0);
        JFreeChart active = StrategyLines.panel("Active customers", activePlot);
        PanelGridPlot grid = new PanelGridPlot(List.of(revenue, active), 2, Legends.strategies(table.strategies()));
        String title = "Revenue and active customers";
        JFreeChart chart = ChartStyle.chart(title, StrategyLines.bandNote(table.replications()), grid, true);
        String caption = "Revenue each month (what customers paid: sales after discounts, plus service fees) in " + currency
                + " and active customers at the end of each month, per strategy; when revenue falls by a larger share than the customers, "
                + "the customers lost were the ones who spent most; " + StrategyLines.bandCaption(table.replications()) + ".";
        return new ReportChart(ID, title, caption, chart);
    }
}
