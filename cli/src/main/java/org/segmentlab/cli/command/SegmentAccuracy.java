package org.segmentlab.cli.command;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.model.classify.ConfusionMatrix;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * What {@code accuracy} measures from one strategy's run: the classifier against the truth at chosen months (the
 * confusion matrices of every replication added up), and, for a strategy that terminates segments, who it ended.
 *
 * <p>Who was ended: a terminating strategy ends, at month t, the active customers labelled with a terminated
 * segment at month t − 1 (assignment is the first stage of a month, before anything else moves), so the
 * terminated customers' true segments are the terminated segments' columns of month t − 1's confusion matrix. The
 * engine's own count ({@code terminated} in metrics.csv) is kept beside it: the two agree unless a binding budget
 * spared some of the labelled customers, which {@link Fired#spared} shows.
 *
 * @param result     the run (one strategy)
 * @param strategy   its name
 * @param terminated the segment indices the strategy terminates (empty for most)
 */
record SegmentAccuracy(RunResult result, String strategy, List<Integer> terminated) {

    /** The classifier against the truth at month {@code month}: every replication's counts added. */
    ConfusionMatrix at(int month) {
        int k = result.segments().size();
        long[][] sum = new long[k][k];
        for (RunDetail d : result.details()) {
            long[][] c = d.confusion()[month];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    sum[i][j] += c[i][j];
                }
            }
        }
        return ConfusionMatrix.ofCounts(result.segments(), sum);
    }

    int replications() {
        return result.metrics().replications();
    }

    /** The months 1 … last in which the strategy ended anyone, each with who they truly were. */
    List<Fired> fired() {
        List<Fired> months = new ArrayList<>();
        int k = result.segments().size();
        for (int t = 1; t <= result.metrics().months(); t++) {
            long engine = 0;
            for (int r = 0; r < replications(); r++) {
                engine += Math.round(result.metrics().value(strategy, r, Metric.TERMINATED.key(), t));
            }
            long[] byTruth = new long[k];
            ConfusionMatrix before = at(t - 1);
            for (int s : terminated) {
                for (int truth = 0; truth < k; truth++) {
                    byTruth[truth] += before.count(truth, s);
                }
            }
            long labelled = 0;
            for (long n : byTruth) {
                labelled += n;
            }
            if (engine > 0 || labelled > 0) {
                months.add(new Fired(t, engine, byTruth, Math.max(0, labelled - engine)));
            }
        }
        return months;
    }

    /**
     * One month's terminations, totals over the replications.
     *
     * @param month   t
     * @param ended   the engine's count of relationships ended
     * @param byTruth [true segment]: the customers labelled with a terminated segment at t − 1
     * @param spared  labelled with a terminated segment but left alone (a binding budget); 0 otherwise
     */
    record Fired(int month, long ended, long[] byTruth, long spared) {
    }
}
