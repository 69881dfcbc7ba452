package org.segmentlab.simulator.calibrate.fit;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for real arguments and real z &lt; 1, which the BG/NBD's
 * expectations need (Fader, Hardie &amp; Lee 2005, eqs. 9 and 10).
 *
 * <p>Method: for 0 ≤ z ≤ ½ the defining power series; for ½ &lt; z &lt; 1 the linear transformation to 1 − z
 * (Abramowitz &amp; Stegun 15.3.6), whose two series converge fast, because near 1 the plain series needs
 * thousands of terms and the function itself diverges like (1 − z)^(c−a−b) when c − a − b &lt; 0; for z &lt; 0
 * Pfaff's transformation to z / (z − 1) ∈ (0, 1) first. The transformation has poles when c − a − b is an integer
 * (the two terms are huge and cancel); within 10⁻⁴ of an integer the value is extrapolated from c ± ε, ±2ε
 * (Richardson on the symmetric averages, error O(ε⁴)), which keeps about 12 significant digits.
 */
public final class Hypergeometric2F1 {

    private static final double SERIES_LIMIT = 0.5;
    private static final int MAX_TERMS = 1_000_000;
    private static final double NEAR_INTEGER = 1e-4;
    private static final double EPS_C = 5e-4;

    private Hypergeometric2F1() {
    }

    /**
     * ₂F₁(a, b; c; z); fails when z ≥ 1 or is not finite, or when c is 0 or a negative integer (undefined).
     */
    public static double value(double a, double b, double c, double z) {
        if (!(z < 1.0) || Double.isNaN(z) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("2F1 needs a finite z < 1, got " + z);
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c = " + c);
        }
        if (z == 0.0 || a == 0.0 || b == 0.0) {
            return 1.0;
        }
        if (z < 0) {
            // Pfaff: 2F1(a,b;c;z) = (1-z)^(-a) 2F1(a, c-b; c; z/(z-1)), the new argument in (0, 1).
            return Math.pow(1.0 - z, -a) * nonNegative(a, c - b, c, z / (z - 1.0));
        }
        return nonNegative(a, b, c, z);
    }

    private static double nonNegative(double a, double b, double c, double z) {
        if (z <= SERIES_LIMIT || isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
            return series(a, b, c, z);
        }
        double m = c - a - b;
        if (Math.abs(m - Math.rint(m)) < NEAR_INTEGER) {
            // f is analytic in c: the symmetric averages A(e) = f(c) + k e^2 + O(e^4); (4 A(e) - A(2e)) / 3 = f(c) + O(e^4).
            double a1 = 0.5 * (oneMinusZ(a, b, c + EPS_C, z) + oneMinusZ(a, b, c - EPS_C, z));
            double a2 = 0.5 * (oneMinusZ(a, b, c + 2 * EPS_C, z) + oneMinusZ(a, b, c - 2 * EPS_C, z));
            return (4.0 * a1 - a2) / 3.0;
        }
        return oneMinusZ(a, b, c, z);
    }

    /** A&amp;S 15.3.6, for c - a - b not an integer. */
    private static double oneMinusZ(double a, double b, double c, double z) {
        double m = c - a - b;
        double w = 1.0 - z;
        double first = 0.0;
        double firstSign = signGamma(c) * signGamma(m) * signGamma(c - a) * signGamma(c - b);
        if (isFinitePole(c - a) || isFinitePole(c - b)) {
            firstSign = 0.0; // 1/Γ at a pole is 0
        }
        if (firstSign != 0.0) {
            double f = series(a, b, 1.0 - m, w);
            double log = logAbsGamma(c) + logAbsGamma(m) - logAbsGamma(c - a) - logAbsGamma(c - b);
            first = firstSign * Math.exp(log) * f;
        }
        double second = 0.0;
        double secondSign = signGamma(c) * signGamma(-m) * signGamma(a) * signGamma(b);
        if (isFinitePole(a) || isFinitePole(b)) {
            secondSign = 0.0;
        }
        if (secondSign != 0.0) {
            double f = series(c - a, c - b, 1.0 + m, w);
            double log = m * Math.log(w) + logAbsGamma(c) + logAbsGamma(-m) - logAbsGamma(a) - logAbsGamma(b);
            second = secondSign * Math.signum(f) * Math.exp(log + Math.log(Math.abs(f)));
        }
        return first + second;
    }

    /** The power series, for |z| well inside 1 (or a terminating one). */
    static double series(double a, double b, double c, double z) {
        double sum = 1.0;
        double term = 1.0;
        int small = 0;
        for (int n = 0; n < MAX_TERMS; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            sum += term;
            if (term == 0.0) {
                return sum;
            }
            // Stop after two negligible terms once they shrink (they may grow first when a·b·z > c).
            boolean shrinking = Math.abs((a + n + 1) * (b + n + 1) * z) < Math.abs((c + n + 1) * (n + 2.0));
            if (shrinking && Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                if (++small == 2) {
                    return sum;
                }
            } else {
                small = 0;
            }
        }
        throw new ArithmeticException("2F1 series did not converge: a=" + a + " b=" + b + " c=" + c + " z=" + z);
    }

    private static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }

    private static boolean isFinitePole(double x) {
        return isNonPositiveInteger(x);
    }

    /** ln|Γ(x)|, by reflection for negative x (not at the poles). */
    static double logAbsGamma(double x) {
        if (x > 0) {
            return Gamma.logGamma(x);
        }
        // Γ(x) = π / (sin(πx) Γ(1-x))
        return Math.log(Math.PI) - Math.log(Math.abs(Math.sin(Math.PI * x))) - Gamma.logGamma(1.0 - x);
    }

    /** The sign of Γ(x): +1 for x &gt; 0, alternating between the poles below 0. */
    static double signGamma(double x) {
        if (x > 0) {
            return 1.0;
        }
        if (isNonPositiveInteger(x)) {
            return 1.0; // the caller zeroes poles in the denominator; Γ(c) and Γ(±m) are not at poles here
        }
        return ((long) Math.floor(x)) % 2 == 0 ? 1.0 : -1.0;
    }
}
