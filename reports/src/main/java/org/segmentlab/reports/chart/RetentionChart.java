package org.segmentlab.reports.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/** Retention of the month-0 customers per strategy, with 95% bands over replications. */
public final class RetentionChart {
    public static final String ID = "retention";

    private RetentionChart() {
    }

    public static ReportChart of(RunResult result) {
        MetricsTable table = result.metrics();
        NumberAxis y = MetricAxes.shareAxis("Month-0 customers active (%)");
        XYPlot plot = StrategyLines.plot(table, Metric.RETENTION_INITIAL.key(), y);
        // the message as the title where the run has one; the metric then moves to the subtitle
        java.util.Optional<String> message = MessageTitles.retention(table);
        String title = message.orElse("Retention of the initial customers");
        String subtitle = (message.isPresent() ? "Retention of the month-0 customers \u00b7 " : "") + StrategyLines.bandNote(table.replications());
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, true);
        String caption = "Share of the customers present at month 0 who are still active, month by month, per strategy; "
                + StrategyLines.bandCaption(table.replications()) + ".";
        return new ReportChart(ID, title, caption, chart);
    }
}
