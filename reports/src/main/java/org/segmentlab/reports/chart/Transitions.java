package org.segmentlab.reports.chart;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/** Segment-to-segment moves of one strategy, summed over a month range and averaged over replications. */
final class Transitions {
    private Transitions() {
    }

    /** The node names of {@link #meanCounts}: the segments, then "new" (acquisitions entering a segment). */
    static List<String> labels(RunResult result) {
        List<String> labels = new ArrayList<>(result.segments());
        labels.add(NEW);
        return labels;
    }

    static final String NEW = "new";

    /**
     * [from][to] over the segments and "new" (last): customers re-classified from → to in months {@code first …
     * last}, and acquisitions by the segment they entered (row "new"), mean per replication.
     */
    static double[][] meanCounts(RunResult result, String strategy, int first, int last) {
        int n = result.segments().size() + 1;
        int replications = result.metrics().replications();
        double[][] sum = new double[n][n];
        for (int r = 0; r < replications; r++) {
            RunDetail detail = result.detail(strategy, r);
            long[][][] transitions = detail.transitions();
            for (int t = Math.max(first, 0); t <= last && t < transitions.length; t++) {
                int size = Math.min(n, transitions[t].length); // results without a "new" row have k × k
                for (int i = 0; i < size; i++) {
                    for (int j = 0; j < size; j++) {
                        sum[i][j] += transitions[t][i][j];
                    }
                }
            }
        }
        for (double[] row : sum) {
            for (int j = 0; j < n; j++) {
                row[j] /= replications;
            }
        }
        return sum;
    }
}
