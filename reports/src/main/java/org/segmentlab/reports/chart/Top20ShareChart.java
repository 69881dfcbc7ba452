package org.segmentlab.reports.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** The Pareto share over time: trailing revenue held by the top 20% of active customers, per strategy. */
public final class Top20ShareChart {
    public static final String ID = "top20-share";

    private Top20ShareChart() {
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        NumberAxis y = MetricAxes.shareAxis("Top-20% revenue share (%)");
        XYPlot plot = StrategyLines.plot(table, Metric.TOP20_SHARE.key(), y);
        // the message as the title where the run has one; the metric then moves to the subtitle
        java.util.Optional<String> message = MessageTitles.top20Share(table);
        String title = message.orElse("Revenue held by the top 20% of customers");
        String subtitle = (message.isPresent() ? "Trailing revenue held by the top 20% of customers, month by month (title: month " + table.months() + ") \u00b7 " : "")
                + StrategyLines.bandNote(table.replications());
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "Share of trailing-window revenue held by the 20% of active customers who spent most (the Pareto share), per strategy; "
                + StrategyLines.bandCaption(table.replications()) + ".";
        return new ReportChart(ID, title, caption, chart);
    }
}
