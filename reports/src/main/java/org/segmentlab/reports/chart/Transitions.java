package org.segmentlab.reports.chart;

import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/** Segment-to-segment moves of one strategy, summed over a month range and averaged over replications. */
final class Transitions {
    private Transitions() {
    }

    /** [from][to]: customers re-classified from → to in months {@code first … last}, mean per replication. */
    static double[][] meanCounts(RunResult result, String strategy, int first, int last) {
        int n = result.segments().size();
        int replications = result.metrics().replications();
        double[][] sum = new double[n][n];
        for (int r = 0; r < replications; r++) {
            RunDetail detail = result.detail(strategy, r);
            long[][][] transitions = detail.transitions();
            for (int t = Math.max(first, 0); t <= last && t < transitions.length; t++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
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
