package org.segmentlab.reports.table;

/**
 * A strategy's final value of a metric minus the baseline's (the first strategy), paired by replication: with
 * common random numbers both share each replication's streams, so the per-replication differences isolate the
 * strategy. {@code mean ± t·sd/√R} over those differences; with one replication {@code low} and {@code high} are NaN.
 *
 * @param strategy     the strategy compared with the baseline
 * @param metric       the metrics.csv name
 * @param mean         mean difference (strategy − baseline), in the metric's unit
 * @param low          lower end of the 95% interval, or NaN with a single replication
 * @param high         upper end of the 95% interval, or NaN with a single replication
 * @param replications how many paired replications went in
 */
public record PairedDifference(String strategy, String metric, double mean, double low, double high, int replications) {

    /** Whether the interval exists (two or more replications). */
    public boolean hasInterval() {
        return replications > 1;
    }

    /** Whether the 95% interval includes zero (no detectable difference); false without an interval. */
    public boolean containsZero() {
        return hasInterval() && low <= 0 && 0 <= high;
    }
}
