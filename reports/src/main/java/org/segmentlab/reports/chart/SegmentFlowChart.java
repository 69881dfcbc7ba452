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
 */
public final class SegmentFlowChart {
    public static final String ID_PREFIX = "segment-flow-";

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
        SegmentFlowPlot plot = new SegmentFlowPlot(Transitions.labels(result), counts, "Segment before", "Segment after");
        String title = "Segment switches: " + strategy;
        String subtitle = "Moves at monthly re-classification, months 1–" + months + (replications > 1 ? ", mean per replication" : "")
                + (all > 0 ? " · stays (" + Formats.percent(stayed / all) + ") not drawn" : "");
        JFreeChart chart = ChartStyle.chart(title, subtitle, plot, false);
        String caption = "Under \u201c" + strategy + "\u201d: each band is the number of times a customer moved from one segment (left) to another (right) "
                + "at a monthly re-classification, summed over months 1–" + months + (replications > 1 ? " (mean per replication)" : "")
                + "; \u201cnew\u201d on the left is the customers acquired, by the segment of their first classification"
                + "; customers who stayed are not drawn and a customer who switched twice counts twice, so this is not a month-0 → month-"
                + months + " flow of individual customers.";
        return new ReportChart(ID_PREFIX + ReportChart.slug(strategy), title, caption, chart);
    }
}
