package org.segmentlab.simulator.calibrate.fit;

import org.apache.commons.math3.special.Beta;

/**
 * The shifted-beta-geometric model of retention (Fader &amp; Hardie 2007): each customer churns at the end of each
 * period with their own probability θ ~ Beta(α, β), so the lifetime T ≥ 1 is geometric given θ. The retention
 * rate rises with tenure because the customers likeliest to churn leave first.
 */
public record ShiftedBetaGeometric(double alpha, double beta) {

    public ShiftedBetaGeometric {
        if (!(alpha > 0) || !(beta > 0) || Double.isInfinite(alpha) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("sBG parameters must be finite and > 0: alpha=" + alpha + " beta=" + beta);
        }
    }

    public double[] toArray() {
        return new double[] {alpha, beta};
    }

    public static ShiftedBetaGeometric of(double[] v) {
        return new ShiftedBetaGeometric(v[0], v[1]);
    }

    /** S(t) = P(T &gt; t) = B(α, β + t) / B(α, β): the share of a cohort still alive after t periods. */
    public double survival(int t) {
        requirePeriod(t, 0);
        return Math.exp(Beta.logBeta(alpha, beta + t) - Beta.logBeta(alpha, beta));
    }

    /** P(T = t) = B(α + 1, β + t − 1) / B(α, β): the share of a cohort lost in period t (t ≥ 1). */
    public double churnProbability(int t) {
        requirePeriod(t, 1);
        return Math.exp(logChurn(t));
    }

    /** r(t) = S(t) / S(t − 1) = (β + t − 1) / (α + β + t − 1): the share of period t − 1's survivors kept (t ≥ 1). */
    public double retentionRate(int t) {
        requirePeriod(t, 1);
        return (beta + t - 1) / (alpha + beta + t - 1);
    }

    /** The log-likelihood: the lost in each period contribute P(T = t), the survivors at n contribute S(n). */
    public double logLikelihood(SurvivalCounts counts) {
        double lnB = Beta.logBeta(alpha, beta);
        double sum = 0;
        for (int t = 1; t <= counts.periods(); t++) {
            int lost = counts.alive(t - 1) - counts.alive(t);
            if (lost > 0) {
                sum += lost * (Beta.logBeta(alpha + 1, beta + t - 1) - lnB);
            }
        }
        int survivors = counts.alive(counts.periods());
        if (survivors > 0) {
            sum += survivors * (Beta.logBeta(alpha, beta + counts.periods()) - lnB);
        }
        return sum;
    }

    private double logChurn(int t) {
        return Beta.logBeta(alpha + 1, beta + t - 1) - Beta.logBeta(alpha, beta);
    }

    private static void requirePeriod(int t, int min) {
        if (t < min) {
            throw new IllegalArgumentException("period must be >= " + min + ", got " + t);
        }
    }
}
