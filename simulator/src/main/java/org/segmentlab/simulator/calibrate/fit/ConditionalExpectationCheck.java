package org.segmentlab.simulator.calibrate.fit;

import java.util.ArrayList;
import java.util.List;

/**
 * Holdout purchases against the model's conditional forecast, by calibration frequency (FHL 2005, Fig. 5): for the
 * customers with x = 0, 1, …, k − 1 and k or more repeat purchases in calibration, the mean of their observed
 * holdout repeat purchases against the mean of E[Y(t) | x, t_x, T] over the holdout length t.
 */
public final class ConditionalExpectationCheck {

    /** One frequency bin: x (the last bin means x or more), its customers and the two means. */
    public record Row(int x, boolean openEnded, long customers, double observedMean, double expectedMean) {
    }

    private ConditionalExpectationCheck() {
    }

    public static List<Row> of(BgNbd model, CustomerSummaries s, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("need at least one closed bin, got k = " + k);
        }
        double t = s.holdoutLength();
        long[] n = new long[k + 1];
        double[] observed = new double[k + 1];
        double[] expected = new double[k + 1];
        for (int i = 0; i < s.size(); i++) {
            int bin = Math.min(s.repeats(i), k);
            n[bin]++;
            observed[bin] += s.holdoutRepeats(i);
            expected[bin] += model.conditionalExpectedTransactions(t, s.repeats(i), s.lastPurchaseTime(i), s.age(i));
        }
        List<Row> rows = new ArrayList<>(k + 1);
        for (int x = 0; x <= k; x++) {
            rows.add(new Row(x, x == k, n[x], n[x] == 0 ? Double.NaN : observed[x] / n[x],
                    n[x] == 0 ? Double.NaN : expected[x] / n[x]));
        }
        return rows;
    }
}
