package org.segmentlab.simulator.calibrate.fit;

import java.util.HashMap;
import java.util.Map;

/**
 * Observed against expected numbers of customers with x = 0, 1, …, k − 1 and k or more repeat purchases in the
 * calibration period (FHL 2005, Fig. 2): expected(x) = Σ_i P(X(T_i) = x), each customer at their own age T_i,
 * and the open bin k+ holds the rest, Σ_i (1 − Σ_{x&lt;k} P(X(T_i) = x)).
 */
public record RepeatHistogram(long[] observed, double[] expected) {

    public RepeatHistogram {
        observed = observed.clone();
        expected = expected.clone();
    }

    public static RepeatHistogram of(BgNbd model, CustomerSummaries s, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one closed bin, got k = " + k);
        }
        long[] observed = new long[k + 1];
        double[] expected = new double[k + 1];
        // Customers who started on the same day share T: their probabilities are computed once.
        Map<Double, double[]> byAge = new HashMap<>();
        for (int i = 0; i < s.size(); i++) {
            observed[Math.min(s.repeats(i), k)]++;
            double[] p = byAge.computeIfAbsent(s.age(i), age -> probabilities(model, age, k));
            for (int x = 0; x <= k; x++) {
                expected[x] += p[x];
            }
        }
        return new RepeatHistogram(observed, expected);
    }

    private static double[] probabilities(BgNbd model, double age, int k) {
        double[] p = new double[k + 1];
        double closed = 0;
        for (int x = 0; x < k; x++) {
            p[x] = model.probabilityOfCount(x, age);
            closed += p[x];
        }
        p[k] = Math.max(0.0, 1.0 - closed);
        return p;
    }

    @Override
    public long[] observed() {
        return observed.clone();
    }

    @Override
    public double[] expected() {
        return expected.clone();
    }

    /** The number of bins, k + 1 (the last is open: k or more). */
    public int bins() {
        return observed.length;
    }

    /** Pearson's Σ (O − E)² / E over the bins, a distance between the two (not a test: the bins are few). */
    public double chiSquare() {
        double sum = 0;
        for (int x = 0; x < observed.length; x++) {
            double d = observed[x] - expected[x];
            sum += d * d / expected[x];
        }
        return sum;
    }
}
