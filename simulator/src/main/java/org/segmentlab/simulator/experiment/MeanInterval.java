package org.segmentlab.simulator.experiment;

import java.util.Locale;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over replications with its 95% confidence interval, mean ± t(0.975, n−1) · √(s²/n) with s² the sample
 * variance: the one interval of SegmentLab (reports, CSV and JSON outputs, sweeps, tuning, the workbench).
 *
 * <p>The rule, for every caller: non-finite values are left out and {@code n} counts the finite ones; with none,
 * every field is NaN; with one, there is no interval and {@code low} and {@code high} are NaN. Identical values give
 * exactly [mean, mean]. A figure that must not quietly average fewer replications than were run (a tuning objective,
 * a sensitivity mean) takes {@link #ofAll}, which is undefined as soon as one value is.
 *
 * @param mean the mean of the finite values (NaN when there are none)
 * @param low  the lower end of the 95% interval, or NaN
 * @param high the upper end of the 95% interval, or NaN
 * @param n    how many values went in
 */
public record MeanInterval(double mean, double low, double high, int n) {

    /** The confidence level of every interval. */
    public static final double LEVEL = 0.95;

    /** t quantiles for the usual replication counts, computed once (the rest on demand). */
    private static final double[] T_QUANTILES = tQuantiles(64);

    /** The interval over the finite entries of {@code values}. */
    public static MeanInterval of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(mean, Double.NaN, Double.NaN, 1);
        }
        // Two passes: an exact zero spread when every value is equal, so identical strategies give [mean, mean].
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                squares += (v - mean) * (v - mean);
            }
        }
        return ofMoments(n, mean, squares / (n - 1));
    }

    /**
     * Like {@link #of}, but undefined (mean, low and high NaN; {@code n} the number of values) when any value is not
     * finite: for a figure where a replication without a value makes the whole figure undefined.
     */
    public static MeanInterval ofAll(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, values.length);
            }
        }
        return of(values);
    }

    /**
     * The interval from a count, a mean and a sample variance (denominator n − 1), for a reader that keeps running
     * sums instead of the values; the variance is not read when {@code n < 2}.
     */
    public static MeanInterval ofMoments(int n, double mean, double variance) {
        if (n < 0) {
            throw new IllegalArgumentException("a count must be >= 0, got " + n);
        }
        if (n < 2) {
            return new MeanInterval(n == 0 ? Double.NaN : mean, Double.NaN, Double.NaN, n);
        }
        double half = tQuantile(n - 1) * Math.sqrt(variance / n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }

    /** Whether the interval exists (two or more values). */
    public boolean hasInterval() {
        return n > 1;
    }

    /** Whether {@code x} lies within [low, high]; false when there is no interval. */
    public boolean contains(double x) {
        return hasInterval() && low <= x && x <= high;
    }

    /** The two-sided 95% quantile of Student's t with {@code df} degrees of freedom, t(0.975, df). */
    public static double tQuantile(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        return df < T_QUANTILES.length ? T_QUANTILES[df] : quantile(df);
    }

    private static double[] tQuantiles(int length) {
        double[] out = new double[length];
        for (int df = 1; df < length; df++) {
            out[df] = quantile(df);
        }
        return out;
    }

    private static double quantile(int df) {
        // No random generator: only the inverse CDF is used, and new TDistribution(df) would seed one from the clock.
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }

    @Override
    public String toString() {
        return n > 1 ? String.format(Locale.ROOT, "%.6g [%.6g, %.6g]", mean, low, high)
                : String.format(Locale.ROOT, "%.6g", mean);
    }
}
