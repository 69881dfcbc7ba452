package org.segmentlab.reports.table;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over replications with its 95% confidence interval, mean ± t(0.975, n−1) · sd / √n. Non-finite values
 * are left out; with fewer than two finite values there is no interval and {@code low} and {@code high} are NaN.
 *
 * @param mean the mean of the finite values (NaN when there are none)
 * @param low  the lower end of the 95% interval, or NaN
 * @param high the upper end of the 95% interval, or NaN
 * @param n    how many finite values went in
 */
public record Interval(double mean, double low, double high, int n) {

    /** The confidence level of every interval in the reports. */
    public static final double LEVEL = 0.95;

    private static final double[] T_QUANTILES = new double[64];

    /** The interval over the finite entries of {@code values}. */
    public static Interval of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                sum += v;
                n++;
            }
        }
        if (n == 0) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Interval(mean, Double.NaN, Double.NaN, 1);
        }
        // two-pass: exact zero spread when every value is equal, so identical strategies give [mean, mean]
        double squares = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                double d = v - mean;
                squares += d * d;
            }
        }
        double halfWidth = tQuantile(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new Interval(mean, mean - halfWidth, mean + halfWidth, n);
    }

    /** Whether the interval exists (two or more replications). */
    public boolean hasInterval() {
        return n > 1;
    }

    /** Whether {@code x} lies within [low, high]; false when there is no interval. */
    public boolean contains(double x) {
        return hasInterval() && low <= x && x <= high;
    }

    /** The two-sided 95% quantile of Student's t with {@code df} degrees of freedom. */
    public static double tQuantile(int df) {
        if (df < 1) {
            throw new IllegalArgumentException("degrees of freedom must be >= 1, got " + df);
        }
        if (df < T_QUANTILES.length) {
            synchronized (T_QUANTILES) {
                if (T_QUANTILES[df] == 0) {
                    T_QUANTILES[df] = quantile(df);
                }
                return T_QUANTILES[df];
            }
        }
        return quantile(df);
    }

    private static double quantile(int df) {
        // no random generator: only the inverse CDF is used
        return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - LEVEL) / 2);
    }
}
