package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.ScenarioFixture.beta;
import static org.segmentlab.simulator.engine.ScenarioFixture.constant;
import static org.segmentlab.simulator.engine.ScenarioFixture.lognormalMedian;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * With everything else switched off the engine must reduce exactly to three textbook models. Each test states its
 * tolerance from the sample size and its false-failure rate (the seeds are fixed, so a pass is repeatable).
 */
class TextbookCasesTest {

    /**
     * Churn only, θ ~ beta(α, β): the initial cohort's survival is the shifted-beta-geometric curve
     * S(t) = B(α, β + t) / B(α, β) (Fader & Hardie 2007). Each customer survives to t independently with
     * probability S(t) (θ drawn independently per customer), so retention_initial is a mean of N Bernoulli(S(t)):
     * tolerance 4.5·sqrt(S(1−S)/N), a false-failure rate below 7e-6 per comparison, below 5e-4 over all of them.
     * The parameter pairs are Fader &amp; Hardie's "regular" and "high end" segments, and a fast-churning one.
     */
    @ParameterizedTest(name = "sBG alpha={0} beta={1}")
    @CsvSource({"0.704, 1.182", "0.668, 3.806", "2.0, 8.0"})
    void churnOnlyFollowsShiftedBetaGeometric(double alpha, double betaParam) {
        int n = 100_000;
        ScenarioFixture f = ScenarioFixture.of(n, n, 24);
        f.featureWindow = 1;
        f.add(ScenarioFixture.archetype("only", 1.0).churn(beta(alpha, betaParam)));
        MetricsTable m = f.metrics();
        double[] retention = m.series("baseline", 0, "retention_initial");
        assertThat(retention[0]).isEqualTo(1.0);
        for (int t = 1; t <= 24; t++) {
            double expected = Math.exp(Beta.logBeta(alpha, betaParam + t) - Beta.logBeta(alpha, betaParam));
            double tolerance = 4.5 * Math.sqrt(expected * (1 - expected) / n);
            assertThat(retention[t]).as("retention at month %d", t).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    /**
     * Acquisition only, every customer a promoter with advocacy 1, no churn: cumulative adopters follow the discrete
     * Bass recursion A(t+1) = A(t) + f(A(t)), f(A) = (p + q·A/M)(M − A). Each month adds binomial noise of variance
     * (M − A)·P·(1 − P), P = p + q·A/M, which later months amplify by 1 + f'(A) = 1 + q − p − 2q·A/M; the tolerance is
     * 4.5 standard deviations of that propagated noise (linear noise approximation) plus the second-order bias
     * q·Var(A)/M a month, summed: a false-failure rate below 7e-6 per month compared.
     */
    @ParameterizedTest(name = "Bass p={0} q={1}")
    @CsvSource({"0.01, 0.4", "0.003, 0.6", "0.03, 0.1"})
    void acquisitionOnlyFollowsBassDiffusion(double p, double q) {
        int market = 1_000_000;
        int initial = 1_000;
        ScenarioFixture f = ScenarioFixture.of(market, initial, 24);
        f.innovation = p;
        f.imitation = q;
        f.featureWindow = 1;
        f.add(ScenarioFixture.archetype("only", 1.0).satisfaction(constant(1)).advocacy(constant(1)));
        MetricsTable m = f.metrics();
        double[] adopters = m.series("baseline", 0, "adopters_cumulative");
        assertThat(adopters[0]).isEqualTo(initial);
        double expected = initial;
        double variance = 0;
        double bias = 0;
        for (int t = 1; t <= 24; t++) {
            double share = expected / market;
            double probability = p + q * share;
            double growth = 1 + q - p - 2 * q * share;
            bias += q * variance / market;
            variance = growth * growth * variance + (market - expected) * probability * (1 - probability);
            expected = expected + probability * (market - expected);
            double tolerance = 4.5 * Math.sqrt(variance) + bias;
            assertThat(adopters[t]).as("adopters at month %d", t).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    /**
     * Spend only, lognormal spend with sigma σ and many purchases a month: the top-20% revenue share approaches
     * 1 − Φ(Φ⁻¹(0.8) − σ) and the Gini coefficient 2Φ(σ/√2) − 1. With 40 purchases a month over a 12-month window
     * each customer's revenue is spend × Poisson(480), which widens σ by under 0.2% (bias < 0.001 in both). The
     * sampling standard deviation of both statistics at N = 50 000 stayed below 0.003 over 20 seeds at σ = 1.5,
     * so the tolerance 0.015 is five of them.
     */
    @ParameterizedTest(name = "lognormal sigma={0}")
    @CsvSource({"0.5", "1.0", "1.5"})
    void spendOnlyApproachesLognormalPareto(double sigma) {
        int n = 50_000;
        ScenarioFixture f = ScenarioFixture.of(n, n, 2);
        f.add(ScenarioFixture.archetype("only", 1.0).purchaseRate(constant(40)).spend(lognormalMedian(50, sigma)));
        MetricsTable m = f.metrics();
        NormalDistribution phi = new NormalDistribution();
        double top20 = 1 - phi.cumulativeProbability(phi.inverseCumulativeProbability(0.8) - sigma);
        double gini = 2 * phi.cumulativeProbability(sigma / Math.sqrt(2)) - 1;
        assertThat(m.value("baseline", 0, "top20_share", 2)).isCloseTo(top20, org.assertj.core.data.Offset.offset(0.015));
        assertThat(m.value("baseline", 0, "gini", 2)).isCloseTo(gini, org.assertj.core.data.Offset.offset(0.015));
    }
}
