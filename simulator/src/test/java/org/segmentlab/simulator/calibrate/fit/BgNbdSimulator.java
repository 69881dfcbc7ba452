package org.segmentlab.simulator.calibrate.fit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Customers drawn from the BG/NBD's exact process, for the recovery tests: λ ~ Gamma(r, scale 1/α),
 * p ~ Beta(a, b) (as G_a / (G_a + G_b)), Poisson purchases at rate λ from the first purchase at 0, and after each
 * repeat purchase a drop-out with probability p; observed up to an age T uniform in [minAge, maxAge].
 */
final class BgNbdSimulator {

    private BgNbdSimulator() {
    }

    static CustomerSummaries simulate(BgNbd truth, int n, double minAge, double maxAge, UniformRandomProvider rng) {
        ContinuousSampler rate = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.r(), 1.0 / truth.alpha());
        ContinuousSampler ga = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.a(), 1.0);
        ContinuousSampler gb = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.b(), 1.0);
        ContinuousSampler wait = ZigguratSampler.Exponential.of(rng);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            double lambda = rate.sample();
            double u = ga.sample();
            double p = u / (u + gb.sample());
            double t = minAge + (maxAge - minAge) * rng.nextDouble();
            age[i] = t;
            double now = 0;
            while (true) {
                now += wait.sample() / lambda;
                if (now > t) {
                    break;
                }
                x[i]++;
                tx[i] = now;
                if (rng.nextDouble() < p) {
                    break;
                }
            }
        }
        return CustomerSummaries.ofColumns(TimeUnit.WEEKS, x, tx, age, null);
    }
}
