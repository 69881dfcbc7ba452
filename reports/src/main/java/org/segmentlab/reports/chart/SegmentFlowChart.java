package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Where customers who changed segment went, one chart per strategy: a flow diagram of the monthly
 * re-classifications from one segment to another, summed over months 1 … T. It is NOT a month-0 → month-T flow
 * of customers (the run keeps no per-customer history): a customer who switched twice counts twice, and those
 * who stayed are left out.
 *
 * <p>Threshold flicker is left out: customers near a threshold cross it back and forth month after month, which
 * pooled over the run gives two large opposite bands that say nothing. Only the net move between two segments is
 * drawn (A → B minus B → A), and a net move under {@link #MIN_SHARE} of all net moves between segments is left
 * out too; the customers acquired ("new") are always drawn.
 */
final class SegmentFlowChart {
    public static final String ID_PREFIX = "segment-flow-";
    /** Net moves below this share of all net moves between segments are left out as noise (stated in the caption). */
    public static final double MIN_SHARE = 0.02;

    private SegmentFlowChart() {
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
        double stayed = 0;
        double all = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                all += counts[i][j];
                if (i == j) {
                    stayed += counts[i][j];
                }
            }
        }
        int segments = result.segments().size();
        double[][] net = withoutFlicker(counts, segments);
        double moves = 0;
        double drawn = 0;
        for (int i = 0; i < segments; i++) {
            for (int j = 0; j < segments; j++) {
                moves += i == j ? 0 : counts[i][j];
                drawn += net[i][j];
            }
        }
        SegmentFlowPlot plot = new SegmentFlowPlot(Transitions.labels(result), net, "Segment before", "Segment after");
        String title = "Segment switches: " + strategy;
        String subtitle = "Moves at monthly re-classification, months 1–" + months + (replications > 1 ? ", mean per replication" : "")
                + (all > 0 ? " · stays (" + Formats.percent(stayed / all) + ") not drawn" : "") + " · net moves only";
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
        String caption = "Under \u201c" + strategy + "\u201d: each band is the number of times a customer moved from one segment (left) to another (right) "
                + "at a monthly re-classification, summed over months 1–" + months + (replications > 1 ? " (mean per replication)" : "")
                + "; \u201cnew\u201d on the left is the customers acquired, by the segment of their first classification"
                + "; customers who stayed are not drawn and a customer who switched twice counts twice, so this is not a month-0 → month-"
                + months + " flow of individual customers. Back-and-forth moves between two segments (threshold flicker) cancel: only the net "
                + "move is drawn, and net moves under " + Formats.pattern("0%").format(MIN_SHARE) + " of all net moves between segments are left out"
                + (moves > 0 ? " (drawn: " + Formats.amount(drawn) + " net of " + Formats.amount(moves) + " moves)" : "") + ".";
        return new ReportChart(ID_PREFIX + ReportChart.slug(strategy), title, caption, chart);
    }

    /**
     * The flows to draw from [from][to] counts whose first {@code segments} rows and columns are segments and
     * whose further rows are origins only ("new"): between segments the net move in its direction, dropped when
     * under {@link #MIN_SHARE} of all net moves; origin rows unchanged; the diagonal zero.
     */
    static double[][] withoutFlicker(double[][] counts, int segments) {
        double[][] net = new double[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            net[i] = i < segments ? new double[counts[i].length] : counts[i].clone();
        }
        double total = 0;
        for (int i = 0; i < segments; i++) {
            for (int j = 0; j < segments; j++) {
                double move = i == j ? 0 : counts[i][j] - counts[j][i];
                if (move > 0) {
                    net[i][j] = move;
                    total += move;
                }
            }
        }
        for (int i = 0; i < segments; i++) {
            for (int j = 0; j < segments; j++) {
                if (net[i][j] < MIN_SHARE * total) {
                    net[i][j] = 0;
                }
            }
        }
        return net;
    }
}
