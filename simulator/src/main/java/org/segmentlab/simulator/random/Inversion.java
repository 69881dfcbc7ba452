package org.segmentlab.simulator.random;

/**
 * Discrete draws by inversion of one given uniform: the count is the smallest k whose cumulative probability reaches
 * u. Shared by the engine's {@code Draws}, which takes u from a customer's positioned stream, and by the benchmarks'
 * month kernel, which takes it from its bulk uniforms.
 */
public final class Inversion {
    private Inversion() {
    }

    /**
     * Binomial(n, p) for n ≥ 1 and 0 &lt; p &lt; 1 (n small: the items of one customer-month) from the uniform u in
     * [0, 1): P(0) = (1 − p)^n by repeated multiplication, then the recurrence P(k) = P(k−1)·(n−k+1)/k·p/(1−p).
     */
    public static int binomial(double u, int n, double p) {
        double q = 1 - p;
        double probability = 1;
        for (int i = 0; i < n; i++) {
            probability *= q;
        }
        double cdf = probability;
        int k = 0;
        double odds = p / q;
        while (u >= cdf && k < n) {
            k++;
            probability *= (n - k + 1) * odds / k;
            cdf += probability;
        }
        return k;
    }
}
