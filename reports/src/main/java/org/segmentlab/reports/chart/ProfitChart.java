package org.segmentlab.reports.chart;

import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** Profit per month and cumulative profit, side by side, one line per strategy, in the scenario's currency. */
public final class ProfitChart {
    public static final String ID = "profit";

    private ProfitChart() {
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        String currency = result.currency();
        JFreeChart monthly = panel(table, Metric.PROFIT, "Profit per month", currency);
        JFreeChart cumulative = panel(table, Metric.PROFIT_CUMULATIVE, "Cumulative profit", currency);
        PanelGridPlot grid = new PanelGridPlot(List.of(monthly, cumulative), 2, Legends.strategies(table.strategies()));
        // the message as the title where the run has one; the metric then moves to the subtitle
        java.util.Optional<String> message = MessageTitles.profit(table, currency);
        String title = message.orElse("Profit (" + currency + ")");
        String subtitle = (message.isPresent() ? "Profit per month and cumulative profit (" + currency + ") \u00b7 " : "")
                + StrategyLines.bandNote(table.replications());
        JFreeChart chart = ChartStyle.chart(title, subtitle, grid, true);
        String caption = "Profit each month (gross margin less discounts, service, treatment and acquisition costs) and profit summed from month 1, in "
                + currency + ", per strategy; " + StrategyLines.bandCaption(table.replications()) + ".";
        return new ReportChart(ID, title, caption, chart);
    }

    private static JFreeChart panel(MetricsTable table, Metric metric, String title, String currency) {
        NumberAxis y = ChartStyle.valueAxis(title + " (" + currency + ")", Formats.compactTicks());
        y.setAutoRangeIncludesZero(true); // money from zero: the zero line is the break-even
        // monthly profit is a flow: month 0 (before the first step) has none
        XYPlot plot = StrategyLines.plot(table, metric.key(), y, metric == Metric.PROFIT ? 1 : 0);
        plot.addRangeMarker(ChartStyle.zeroLine());
        return StrategyLines.panel(title, plot);
    }
}
