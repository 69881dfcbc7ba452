package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * The classifier against the simulated truth at the last month, one chart per strategy: rows are the segment a
 * customer's archetype should land in, columns the segment the rules gave; accuracy and macro-F1 in the subtitle.
 * Only when the scenario defines a truth.
 */
final class ConfusionMatrixChart {
    public static final String ID_PREFIX = "confusion-";

    private ConfusionMatrixChart() {
    }

    /** Whether the run has a truth and recorded confusion matrices. */
    public static boolean applies(RunResult result) {
        return result.hasTruth() && !result.details().isEmpty() && result.details().get(0).confusion() != null;
    }

    /** One chart per strategy; empty when there is no truth. */
    public static List<ReportChart> of(RunResult result) {
        List<ReportChart> out = new ArrayList<>();
        if (applies(result)) {
            for (String strategy : result.metrics().strategies()) {
                out.add(of(result, strategy));
            }
        }
        return out;
    }

    public static ReportChart of(RunResult result, String strategy) {
        MetricsTable table = result.metrics();
        int last = table.months();
        int replications = table.replications();
        int n = result.segments().size();
        double[][] counts = new double[n][n];
        for (int r = 0; r < replications; r++) {
            RunDetail detail = result.detail(strategy, r);
            long[][] confusion = detail.confusion()[last];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    counts[i][j] += confusion[i][j] / (double) replications;
                }
            }
        }
        // a segment no archetype lands in has no true customers: its row would be empty grey, so it is left out
        List<String> rows = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Arrays.stream(counts[i]).sum() > 0) {
                rows.add(result.segments().get(i));
                kept.add(counts[i]);
            } else {
                dropped.add(result.segments().get(i));
            }
        }
        if (rows.isEmpty()) { // nobody active: show the empty matrix rather than nothing
            rows.addAll(result.segments());
            kept.addAll(Arrays.asList(counts));
            dropped.clear();
        }
        XYPlot plot = Heatmap.plot(rows, result.segments(), kept.toArray(new double[0][]), "True segment (from archetype)",
                "Segment the classifier gave", false);
        StringBuilder subtitle = new StringBuilder("Month ").append(last);
        if (table.metrics().contains(Metric.CLASSIFIER_ACCURACY)) {
            subtitle.append(" · accuracy ")
                    .append(Formats.score(MeanInterval.of(table.finalValues(strategy, Metric.CLASSIFIER_ACCURACY)).mean()));
        }
        if (table.metrics().contains(Metric.CLASSIFIER_MACRO_F1)) {
            subtitle.append(" · macro-F1 ")
                    .append(Formats.score(MeanInterval.of(table.finalValues(strategy, Metric.CLASSIFIER_MACRO_F1)).mean()));
        }
        subtitle.append(" · cell: share of the row (customers").append(replications > 1 ? ", mean per replication)" : ")");
        String title = "Classifier against the truth: " + strategy;
        JFreeChart chart = ChartStyle.chart(title, subtitle.toString(), plot, false);
        String caption = "Under \u201c" + strategy + "\u201d at month " + last + ": for the active customers whose archetype should land in a segment (row), the share the rules "
                + "put in each segment (column); the diagonal is correct; accuracy and macro-F1 are means over " + replications + " replication"
                + (replications > 1 ? "s" : "")
                + (dropped.isEmpty() ? "" : "; rows left out, no customer truly in them: " + String.join(", ", dropped)) + ".";
        return new ReportChart(ID_PREFIX + ReportChart.slug(strategy), title, caption, chart);
    }
}
