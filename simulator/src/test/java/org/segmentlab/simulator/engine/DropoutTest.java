package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.segmentlab.simulator.engine.ScenarioFixture.beta;
import static org.segmentlab.simulator.engine.ScenarioFixture.constant;
import static org.segmentlab.simulator.engine.ScenarioFixture.gamma;

import java.util.Map;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * The BG/NBD special case: churn switched off, customers buy as a Poisson process and leave right after a purchase
 * with probability p ({@code dropout}). Within a month the purchases are the first events of that process, so the
 * month's survival is E[(1 − p)^N] = e^{−λp} exactly and survival to month t is e^{−λpt}.
 */
class DropoutTest {

    /**
     * Constant λ = 2 and p = 0.1: retention_initial(t) = e^{−0.2t}, a mean of N independent Bernoulli draws, so the
     * tolerance is 4.5 standard errors. Purchases in month t: the customers active at its start times
     * E[min(N, J)] with N ~ Poisson(λ) and J the purchase after which the customer leaves (geometric(p)):
     * Σ_{k≥1} P(N ≥ k)(1 − p)^{k−1}. Its variance per customer is below E[N²] = λ + λ², hence the tolerance.
     */
    @Test
    void constantRateAndDropoutGiveExponentialSurvivalAndTruncatedPurchases() {
        int n = 50_000;
        double lambda = 2;
        double p = 0.1;
        MetricsTable m = run(n, constant(lambda), constant(p), 18, "baseline", Map.of());
        double[] retention = m.series("baseline", 0, "retention_initial");
        double[] purchases = m.series("baseline", 0, "purchases");
        PoissonDistribution poisson = new PoissonDistribution(null, lambda, 1e-12, 10_000);
        double perActive = 0;
        for (int k = 1; k < 60; k++) {
            perActive += (1 - poisson.cumulativeProbability(k - 1)) * Math.pow(1 - p, k - 1);
        }
        for (int t = 1; t <= 18; t++) {
            double expected = Math.exp(-lambda * p * t);
            double tolerance = 4.5 * Math.sqrt(expected * (1 - expected) / n);
            assertThat(retention[t]).as("retention at month %d", t).isCloseTo(expected, Offset.offset(tolerance));
            double activeAtStart = n * Math.exp(-lambda * p * (t - 1));
            double expectedPurchases = activeAtStart * perActive;
            double sd = Math.sqrt(activeAtStart * (lambda + lambda * lambda));
            assertThat(purchases[t]).as("purchases in month %d", t).isCloseTo(expectedPurchases, Offset.offset(4.5 * sd));
        }
    }

    /**
     * λ ~ gamma(0.8, 1.5) and p ~ beta(1.5, 4), as a fitted BG/NBD mixture: survival to month t is
     * E[e^{−λpt}] = ∫ (1 + p·t·scale)^{−shape} beta(p) dp, integrated numerically.
     */
    @Test
    void mixedRatesAndDropoutsFollowTheBgNbdSurvivalCurve() {
        int n = 50_000;
        double shape = 0.8;
        double scale = 1.5;
        BetaDistribution dropout = new BetaDistribution(null, 1.5, 4);
        MetricsTable m = run(n, gamma(shape, scale), beta(1.5, 4), 24, "baseline", Map.of());
        double[] retention = m.series("baseline", 0, "retention_initial");
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-9, 1e-9);
        for (int t = 1; t <= 24; t++) {
            int months = t;
            double expected = integrator.integrate(1_000_000,
                    q -> Math.pow(1 + q * months * scale, -shape) * dropout.density(q), 0, 1);
            double tolerance = 4.5 * Math.sqrt(expected * (1 - expected) / n);
            assertThat(retention[t]).as("retention at month %d", t).isCloseTo(expected, Offset.offset(tolerance));
        }
    }

    /** A treatment's churn multiplier scales dropout too: a multiplier of 0.7 gives survival e^{−0.7λpt}. */
    @Test
    void churnMultiplierScalesDropout() {
        int n = 20_000;
        ScenarioFixture f = fixture(n, constant(2), constant(0.1), 12);
        f.strategy("baseline", Map.of());
        f.treatments.put("keep", org.segmentlab.model.treatment.Treatment.of("keep",
                Map.of(org.segmentlab.model.treatment.TreatmentParameter.CHURN_MULTIPLIER, 0.7)));
        f.strategy("perks", Map.of("default", "keep"));
        MetricsTable m = f.metrics();
        double plain = m.series("baseline", 0, "retention_initial")[12];
        double perks = m.series("perks", 0, "retention_initial")[12];
        assertThat(plain).isCloseTo(Math.exp(-0.2 * 12), Offset.offset(4.5 * Math.sqrt(0.1 * 0.9 / n)));
        assertThat(perks).isCloseTo(Math.exp(-0.2 * 0.7 * 12), Offset.offset(4.5 * Math.sqrt(0.19 * 0.81 / n)));
    }

    private static MetricsTable run(int n, org.segmentlab.simulator.scenario.Distribution rate,
                                    org.segmentlab.simulator.scenario.Distribution dropout, int months,
                                    String strategy, Map<String, String> treatments) {
        ScenarioFixture f = fixture(n, rate, dropout, months);
        f.strategy(strategy, treatments);
        return f.metrics();
    }

    private static ScenarioFixture fixture(int n, org.segmentlab.simulator.scenario.Distribution rate,
                                           org.segmentlab.simulator.scenario.Distribution dropout, int months) {
        ScenarioFixture f = ScenarioFixture.of(n, n, months);
        f.featureWindow = 1;
        f.add(ScenarioFixture.archetype("only", 1.0).purchaseRate(rate).dropout(dropout));
        return f;
    }
}
