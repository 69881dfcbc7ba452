package org.segmentlab.simulator.calibrate.fit;

import static org.apache.commons.math3.special.Gamma.logGamma;

/**
 * The Gamma-Gamma model of spend per purchase (Fader &amp; Hardie 2013): a customer's purchase amounts are
 * Gamma(shape p, rate ν), independent of when they buy, and ν varies over customers as Gamma(shape q, rate γ). Fitted
 * to the mean amount z̄ of each repeat customer's x repeat purchases, whose density given x is
 * Γ(px+q) / (Γ(px) Γ(q)) · γ^q x^{px} z̄^{px−1} / (γ + x z̄)^{px+q}.
 */
public record GammaGamma(double p, double q, double gamma) {

    public GammaGamma {
        if (!(p > 0) || !(q > 0) || !(gamma > 0) || Double.isInfinite(p) || Double.isInfinite(q)
                || Double.isInfinite(gamma)) {
            throw new IllegalArgumentException("Gamma-Gamma parameters must be finite and > 0: p=" + p + " q=" + q
                    + " gamma=" + gamma);
        }
    }

    public double[] toArray() {
        return new double[] {p, q, gamma};
    }

    public static GammaGamma of(double[] v) {
        return new GammaGamma(v[0], v[1], v[2]);
    }

    /** The log-density of a mean spend {@code mBar} over {@code x} purchases. */
    public double logDensity(double mBar, int x) {
        if (x <= 0 || !(mBar > 0)) {
            throw new IllegalArgumentException("need x > 0 and a positive mean spend, got x=" + x + " mBar=" + mBar);
        }
        double px = p * x;
        return logGamma(px + q) - logGamma(px) - logGamma(q) + q * Math.log(gamma) + px * Math.log(x)
                + (px - 1) * Math.log(mBar) - (px + q) * Math.log(gamma + x * mBar);
    }

    /**
     * The log-likelihood of the repeat customers' mean spends (customers with x = 0 carry no spend information
     * and are skipped; so are non-positive means, which the model cannot produce — see {@link #usable}).
     */
    public double logLikelihood(CustomerSummaries s) {
        return logLikelihood(DistinctSummaries.ofSpending(s));
    }

    /** The same over distinct usable (x, mean spend), each term times its count. */
    double logLikelihood(DistinctSummaries s) {
        // The gamma functions depend on x only: once per distinct x, not per customer.
        int maxX = s.maxX;
        double[] head = new double[maxX + 1];
        double constant = -logGamma(q) + q * Math.log(gamma);
        for (int x = 1; x <= maxX; x++) {
            double px = p * x;
            head[x] = logGamma(px + q) - logGamma(px) + px * Math.log(x) + constant;
        }
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            int x = s.x[i];
            double mBar = s.meanSpend[i];
            double px = p * x;
            sum += s.count[i] * (head[x] + (px - 1) * Math.log(mBar) - (px + q) * Math.log(gamma + x * mBar));
        }
        return sum;
    }

    /** Whether customer i enters the spend fit: at least one repeat purchase and a positive mean amount. */
    public static boolean usable(CustomerSummaries s, int i) {
        return s.repeats(i) > 0 && s.meanRepeatSpend(i) > 0;
    }

    /**
     * E[M | z̄, x], the expected amount of a customer's future purchases: a weighted mean of the population mean
     * and the customer's own, (γ + x z̄) p / (px + q − 1); for x = 0 the population mean. Needs q &gt; 1.
     */
    public double conditionalExpectedSpend(double mBar, int x) {
        requireFiniteMean();
        if (x == 0) {
            return meanSpend();
        }
        return (gamma + x * mBar) * p / (p * x + q - 1);
    }

    /** E[Z] = pγ / (q − 1), the mean amount of a purchase over all customers; needs q &gt; 1. */
    public double meanSpend() {
        requireFiniteMean();
        return p * gamma / (q - 1);
    }

    private void requireFiniteMean() {
        if (!(q > 1)) {
            throw new IllegalStateException("the mean spend is infinite for q <= 1 (q = " + q + ")");
        }
    }
}
