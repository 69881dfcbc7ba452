package org.segmentlab.simulator.calibrate.fit;

import static org.apache.commons.math3.special.Gamma.logGamma;

import org.apache.commons.math3.special.Beta;

/**
 * The BG/NBD model of repeat buying (Fader, Hardie &amp; Lee 2005): while alive a customer buys as a Poisson
 * process of rate λ ~ Gamma(shape r, rate α); after each repeat purchase they drop out with probability
 * p ~ Beta(a, b). Time is in the unit of the summaries it was fitted to.
 *
 * <p>Everything is computed in log space (log-gamma, log-beta, log-sum-exp of the likelihood's two terms) so large
 * counts and ages do not overflow. The expectations need {@link Hypergeometric2F1}; they have a removable
 * singularity at a = 1, evaluated there as the mean of a = 1 ± 10⁻⁶.
 */
public record BgNbd(double r, double alpha, double a, double b) {

    private static final double NEAR_ONE = 1e-7;
    private static final double ONE_STEP = 1e-6;

    public BgNbd {
        if (!(r > 0) || !(alpha > 0) || !(a > 0) || !(b > 0) || Double.isInfinite(r) || Double.isInfinite(alpha)
                || Double.isInfinite(a) || Double.isInfinite(b)) {
            throw new IllegalArgumentException("BG/NBD parameters must be finite and > 0: r=" + r + " alpha=" + alpha
                    + " a=" + a + " b=" + b);
        }
    }

    /** The parameters in the order {@link BgNbdFit} reports them: r, alpha, a, b. */
    public double[] toArray() {
        return new double[] {r, alpha, a, b};
    }

    public static BgNbd of(double[] p) {
        return new BgNbd(p[0], p[1], p[2], p[3]);
    }

    /** The log-likelihood of the summaries (FHL 2005 eq. 6, summed over customers). */
    public double logLikelihood(CustomerSummaries s) {
        return logLikelihood(DistinctSummaries.ofPurchasing(s));
    }

    /** The same over distinct (x, t_x, T), each term times its count: what a fit evaluates thousands of times. */
    double logLikelihood(DistinctSummaries s) {
        int maxX = s.maxX;
        // Terms that depend on x only, computed once per distinct x.
        double lnBab = Beta.logBeta(a, b);
        double lnGr = logGamma(r);
        double rLnAlpha = r * Math.log(alpha);
        double[] head = new double[maxX + 1];
        double[] alive = new double[maxX + 1];
        double[] dead = new double[maxX + 1];
        for (int x = 0; x <= maxX; x++) {
            head[x] = logGamma(r + x) - lnGr + rLnAlpha;
            alive[x] = Beta.logBeta(a, b + x) - lnBab;
            dead[x] = x > 0 ? Beta.logBeta(a + 1, b + x - 1) - lnBab : Double.NEGATIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            int x = s.x[i];
            double first = alive[x] - (r + x) * Math.log(alpha + s.age[i]);
            double term;
            if (x == 0) {
                term = head[0] + first;
            } else {
                double second = dead[x] - (r + x) * Math.log(alpha + s.tx[i]);
                double max = Math.max(first, second);
                term = head[x] + max + Math.log1p(Math.exp(Math.min(first, second) - max));
            }
            sum += s.count[i] * term;
        }
        return sum;
    }

    /** E[X(t)], the expected repeat purchases of a new customer in (0, t] (FHL eq. 9). */
    public double expectedTransactions(double t) {
        requireTime(t);
        if (t == 0) {
            return 0;
        }
        if (Math.abs(a - 1) < NEAR_ONE) {
            return 0.5 * (new BgNbd(r, alpha, 1 + ONE_STEP, b).expectedTransactions(t)
                    + new BgNbd(r, alpha, 1 - ONE_STEP, b).expectedTransactions(t));
        }
        double z = t / (alpha + t);
        double power = Math.exp(r * Math.log(alpha / (alpha + t)));
        return (a + b - 1) / (a - 1) * (1 - power * Hypergeometric2F1.value(r, b, a + b - 1, z));
    }

    /** P(X(t) = x), the probability of x repeat purchases in (0, t] (FHL eq. 8). */
    public double probabilityOfCount(int x, double t) {
        requireTime(t);
        if (x < 0) {
            throw new IllegalArgumentException("x must be >= 0, got " + x);
        }
        if (t == 0) {
            return x == 0 ? 1 : 0;
        }
        double lnBab = Beta.logBeta(a, b);
        double lnP = Math.log(alpha / (alpha + t));
        double lnQ = Math.log(t / (alpha + t));
        // Alive after x purchases, with NBD(x) purchases in (0, t].
        double nbd = logGamma(r + x) - logGamma(r) - logGamma(x + 1.0) + r * lnP + x * lnQ;
        double value = Math.exp(Beta.logBeta(a, b + x) - lnBab + nbd);
        if (x > 0) {
            // Dropped out right after the x-th purchase, which needed at least x purchases' worth of time:
            // P(NBD >= x) = I_z(x, r), the regularized incomplete beta (no 1 - sum cancellation).
            double tail = Beta.regularizedBeta(t / (alpha + t), x, r);
            value += Math.exp(Beta.logBeta(a + 1, b + x - 1) - lnBab) * tail;
        }
        return value;
    }

    /** P(alive at T | x, tx, T) (FHL 2005 eq. 11 / the 2008 note's correction for x = 0: 1). */
    public double probabilityAlive(int x, double tx, double age) {
        if (x == 0) {
            return 1.0;
        }
        double ln = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + age) / (alpha + tx));
        return 1.0 / (1.0 + Math.exp(ln));
    }

    /** E[Y(t) | x, tx, T]: expected repeat purchases in (T, T + t] of a customer with history (x, tx, T) (FHL eq. 10). */
    public double conditionalExpectedTransactions(double t, int x, double tx, double age) {
        requireTime(t);
        if (t == 0) {
            return 0;
        }
        if (Math.abs(a - 1) < NEAR_ONE) {
            return 0.5 * (new BgNbd(r, alpha, 1 + ONE_STEP, b).conditionalExpectedTransactions(t, x, tx, age)
                    + new BgNbd(r, alpha, 1 - ONE_STEP, b).conditionalExpectedTransactions(t, x, tx, age));
        }
        double z = t / (alpha + age + t);
        double power = Math.exp((r + x) * Math.log((alpha + age) / (alpha + age + t)));
        double f = Hypergeometric2F1.value(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1) * (1 - power * f);
        return numerator * probabilityAlive(x, tx, age);
    }

    /** E[Λ] = r / α, the mean purchase rate while alive, per unit. */
    public double meanRate() {
        return r / alpha;
    }

    /** E[P] = a / (a + b), the mean drop-out probability after a purchase. */
    public double meanDropout() {
        return a / (a + b);
    }

    private static void requireTime(double t) {
        if (!(t >= 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("time must be finite and >= 0, got " + t);
        }
    }
}
