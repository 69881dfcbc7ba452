package org.segmentlab.simulator.calibrate.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** The Gamma-Gamma spend model: its density, its conditional expectation, recovery and the CDNOW fit. */
class GammaGammaTest {

    private static final GammaGamma CDNOW = new GammaGamma(6.25, 3.74, 15.44);

    @Test
    void meanSpendDensityIntegratesToOne() {
        for (int x : new int[] {1, 3, 10}) {
            // Simpson's rule over v = ln z on [-20, 15] (z from 2e-9 to 3e6: the tails beyond are far below 1e-9).
            int n = 20_000;
            double lo = -20;
            double h = 35.0 / n;
            double total = 0;
            for (int k = 0; k <= n; k++) {
                double v = lo + k * h;
                double f = Math.exp(CDNOW.logDensity(Math.exp(v), x) + v);
                total += f * (k == 0 || k == n ? 1 : k % 2 == 1 ? 4 : 2);
            }
            total *= h / 3;
            assertThat(total).as("x = %d", x).isCloseTo(1.0, within(1e-9));
        }
    }

    @Test
    void logLikelihoodIsTheSumOfTheRepeatCustomersLogDensities() {
        CustomerSummaries s = Cdnow.weekly();
        double sum = 0;
        for (int i = 0; i < s.size(); i++) {
            if (s.repeats(i) > 0) {
                sum += CDNOW.logDensity(s.meanRepeatSpend(i), s.repeats(i));
            }
        }
        assertThat(CDNOW.logLikelihood(s)).isCloseTo(sum, within(1e-8));
    }

    @Test
    void conditionalSpendShrinksTheCustomersMeanTowardThePopulations() {
        double population = CDNOW.meanSpend();
        assertThat(population).isCloseTo(6.25 * 15.44 / 2.74, within(1e-9));
        assertThat(CDNOW.conditionalExpectedSpend(100, 0)).isEqualTo(population);
        // Between the two means, closer to the customer's own the more purchases it rests on.
        double one = CDNOW.conditionalExpectedSpend(100, 1);
        double ten = CDNOW.conditionalExpectedSpend(100, 10);
        assertThat(one).isBetween(population, 100.0);
        assertThat(ten).isBetween(one, 100.0);
        assertThat(CDNOW.conditionalExpectedSpend(100, 1_000_000)).isCloseTo(100, within(0.01));
    }

    @Test
    void rejectsAnInfiniteMean() {
        assertThatThrownBy(() -> new GammaGamma(1, 0.5, 1).meanSpend()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new GammaGamma(0, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Fader &amp; Hardie (2013) fit CDNOW's 946 repeat customers to p = 6.25, q = 3.74, γ = 15.44, rounded to two
     * decimals: ours within 0.01 (rounding plus optimiser tolerance).
     */
    @Test
    void cdnowFitReproducesThePublishedEstimates() {
        FitResult fit = GammaGammaFit.fit(Cdnow.weekly());
        assertThat(fit.observations()).isEqualTo(946);
        assertThat(fit.estimate("p")).isCloseTo(6.25, within(0.01));
        assertThat(fit.estimate("q")).isCloseTo(3.74, within(0.01));
        assertThat(fit.estimate("gamma")).isCloseTo(15.44, within(0.01));
        for (FitResult.StartOptimum o : fit.starts()) {
            assertThat(Math.abs(o.logLikelihood() - fit.logLikelihood()) / Math.abs(fit.logLikelihood()))
                    .as("%s", o).isLessThan(1e-6);
        }
        assertThat(Arrays.stream(fit.standardErrors()).boxed().toList()).allSatisfy(se -> assertThat(se).isPositive().isFinite());
    }

    /**
     * Spends simulated from known parameters: estimates within 4 SE at 1,000 and 4,000 customers (false failure
     * ≈ 2e-4 over three parameters for a normal estimator). No 1/√n check on the SEs here, unlike the BG/NBD and
     * sBG tests: p's SE moves with p̂ (1,000 → 4,000 customers: ratio 2.9; 4,000 → 16,000: 1.4 with these seeds)
     * and q and γ are so correlated that the information at the true parameters need not be positive definite,
     * so at these sizes the ratio says more about p̂ than about the Hessian.
     */
    @Test
    void recoversKnownParametersWithinFourStandardErrors() {
        GammaGamma truth = new GammaGamma(4, 3, 20);
        double[] t = truth.toArray();
        for (int n : new int[] {1_000, 4_000}) {
            FitResult f = GammaGammaFit.fit(simulate(truth, n, RandomSource.XO_RO_SHI_RO_128_PP.create(90L + n)));
            for (int i = 0; i < t.length; i++) {
                assertThat(Math.abs(f.estimates()[i] - t[i])).as("%s %s", f, f.parameterNames().get(i))
                        .isLessThan(4 * f.standardErrors()[i]);
            }
        }
    }

    /** ν ~ Gamma(q, rate γ); each of x ∈ 1 … 6 purchases ~ Gamma(p, rate ν); the summary keeps their mean. */
    private static CustomerSummaries simulate(GammaGamma truth, int n, UniformRandomProvider rng) {
        ContinuousSampler nu = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.q(), 1 / truth.gamma());
        ContinuousSampler unitSpend = AhrensDieterMarsagliaTsangGammaSampler.of(rng, truth.p(), 1.0);
        int[] x = new int[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] mean = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + rng.nextInt(6);
            tx[i] = 1;
            age[i] = 1;
            double rate = nu.sample();
            double sum = 0;
            for (int k = 0; k < x[i]; k++) {
                sum += unitSpend.sample() / rate;
            }
            mean[i] = sum / x[i];
        }
        return CustomerSummaries.ofColumns(TimeUnit.WEEKS, x, tx, age, mean);
    }
}
