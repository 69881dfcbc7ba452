package org.segmentlab.simulator.experiment;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * A mean over replications with its 95% interval, mean ± t(0.975, n−1)·sd/√n (the reports' {@code Interval}, which
 * the simulator cannot depend on). With one value, low and high are NaN.
 */
public record MeanInterval(double mean, double low, double high, int n) {

    public static MeanInterval of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new MeanInterval(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new MeanInterval(mean, Double.NaN, Double.NaN, 1);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * Math.sqrt(squares / (n - 1) / n);
        return new MeanInterval(mean, mean - half, mean + half, n);
    }

    @Override
    public String toString() {
        return n > 1 ? String.format(java.util.Locale.ROOT, "%.6g [%.6g, %.6g]", mean, low, high)
                : String.format(java.util.Locale.ROOT, "%.6g", mean);
    }
}
