package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Segment migration as a transition matrix, one chart per strategy: rows are the segment before a monthly
 * re-classification, columns the segment after, summed over months 1 … T, each row normalised to shares.
 */
final class TransitionHeatmapChart {
    public static final String ID_PREFIX = "transitions-";

    private TransitionHeatmapChart() {
    }

    public static List<ReportChart> of(RunResult result) {
        List<ReportChart> out = new ArrayList<>();
        for (String strategy : result.metrics().strategies()) {
            out.add(of(result, strategy));
        }
        return out;
    }

    public static ReportChart of(RunResult result, String strategy) {
        int months = result.metrics().months();
        int replications = result.metrics().replications();
        double[][] counts = Transitions.meanCounts(result, strategy, 1, months);
        // "new" is an origin only (acquisitions entering a segment): a row, not a column.
        // coloured on the moves: the stays on the diagonal would take the whole colour scale
        XYPlot plot = Heatmap.plot(Transitions.labels(result), result.segments(), counts, "Segment before", "Segment after", true);
        double top = Heatmap.offDiagonalTop(counts, result.segments().size());
        String title = "Segment migration: " + strategy;
        String subtitle = "Monthly re-classifications, months 1–" + months + " · cell: share of the row (customer-months"
                + (replications > 1 ? ", mean per replication" : "") + ") · blue: moves, darkest ≥ " + Formats.percent(top);
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
        String caption = "Under \u201c" + strategy + "\u201d: of the customers in a segment (row) at one month's classification, the share found in each segment (column) "
                + "at the next, pooled over months 1–" + months + "; the diagonal is customers who stayed, drawn grey and left off the colour "
                + "scale so the moves between segments show (the darkest blue is the largest move, " + Formats.percent(top) + " of its row); the row \u201cnew\u201d is the customers "
                + "acquired, by the segment of their first classification; small numbers are customer-months"
                + (replications > 1 ? " per replication (mean of " + replications + ")" : "") + ".";
        return new ReportChart(ID_PREFIX + ReportChart.slug(strategy), title, caption, chart);
    }
}
