package org.segmentlab.reports.chart;

import java.awt.Shape;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.reports.table.MonthlyBand;
import org.segmentlab.reports.table.PairedDifferences;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Each strategy minus the baseline (the first strategy) month by month, paired by replication (common random
 * numbers), with the 95% band of the difference: cumulative profit, active customers and retention of the month-0
 * customers. Shows when a strategy pulls ahead or falls behind (a campaign that is behind from month 1, the month a
 * programme breaks even), which the forest plot of final values cannot. Needs at least two strategies.
 */
final class MonthlyDifferenceChart {
    public static final String ID = "differences-monthly";

    /** One panel: the metric, its title and unit, the factor on the difference, the ticks. */
    private record Panel(Metric metric, String title, double factor, boolean share) {
    }

    private static final List<Panel> PANELS = List.of(
            new Panel(Metric.PROFIT_CUMULATIVE, "Cumulative profit", 1, false),
            new Panel(Metric.ACTIVE, "Active customers", 1, false),
            new Panel(Metric.RETENTION_INITIAL, "Retention", 100, true));

    private static final Shape LINE = new Line2D.Double(-9, 0, 9, 0);

    private MonthlyDifferenceChart() {
    }

    /** Whether the chart can be drawn: two or more strategies. */
    public static boolean applies(RunResult result) {
        return result.metrics().strategies().size() > 1;
    }

    public static ReportChart of(RunResult result) {
        if (!applies(result)) {
            throw new IllegalArgumentException("a difference to the baseline needs at least two strategies");
        }
        MetricsTable table = result.metrics();
        String baseline = table.strategies().get(0);
        int replications = table.replications();
        List<JFreeChart> panels = new ArrayList<>();
        for (Panel panel : PANELS) {
            panels.add(panel(table, panel, result.currency()));
        }
        PanelGridPlot grid = new PanelGridPlot(panels, PANELS.size(), legend(table.strategies()));
        String title = "Difference to the baseline \u201c" + baseline + "\u201d, month by month";
        String subtitle = replications > 1
                ? "Strategy minus baseline, paired by replication: line = mean, band = 95% interval over " + replications + " replications"
                : "Strategy minus baseline · 1 replication: lines only, no interval";
        JFreeChart chart = ChartStyle.chart(title, subtitle, grid, true);
        String caption = "Each strategy minus \u201c" + baseline + "\u201d every month (common random numbers, differences taken per replication) in "
                + "cumulative profit (" + result.currency() + "), active customers and the retention of the month-0 customers (percentage points); "
                + (replications > 1 ? "line = mean, band = 95% interval (mean ± t·sd/√R, R = " + replications + "); a band that holds the zero line means no clear difference that month"
                        : "one replication, so no interval is drawn")
                + ". A line crossing zero upward in the profit panel is the month the strategy breaks even against the baseline.";
        return new ReportChart(ID, title, caption, chart);
    }

    private static JFreeChart panel(MetricsTable table, Panel panel, String currency) {
        TickUnitSource ticks = panel.share() ? Formats.pointTicks() : Formats.compactTicks();
        String unit = panel.share() ? "pp" : panel.metric() == Metric.ACTIVE ? "customers" : currency;
        NumberAxis y = ChartStyle.valueAxis("Difference (" + unit + ")", ticks);
        // every line starts at zero (month 0 is shared); keep a margin below it so the zero line never sits on the axis
        y.setAutoRangeStickyZero(false);
        String baseline = table.strategies().get(0);
        // the baseline's own line would lie on the zero line: leave it out (a band of NaN draws nothing)
        XYPlot plot = StrategyLines.plot(table, strategy -> strategy.equals(baseline)
                ? MonthlyBand.of(new double[][] {nothing(table.months())})
                : PairedDifferences.monthly(table, strategy, panel.metric().key(), panel.factor()), y, 0);
        plot.addRangeMarker(ChartStyle.zeroLine());
        return StrategyLines.panel(panel.title(), plot);
    }

    private static double[] nothing(int months) {
        double[] out = new double[months + 1];
        java.util.Arrays.fill(out, Double.NaN);
        return out;
    }

    /** The compared strategies in their usual colours (the baseline has no line here). */
    private static LegendItemCollection legend(List<String> strategies) {
        LegendItemCollection items = new LegendItemCollection();
        for (int s = 1; s < strategies.size(); s++) {
            LegendItem item = new LegendItem(strategies.get(s), null, null, null, LINE, Palette.strategyStroke(s), Palette.strategy(s));
            item.setLabelFont(ChartStyle.LEGEND);
            items.add(item);
        }
        return items;
    }
}
