package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.scenario.InitialPopulation;
import org.segmentlab.simulator.scenario.Scenario;
import org.segmentlab.simulator.scenario.Scenarios;

/**
 * A run that starts from real customers: month 0 is their own history (features and segments computed from it, no
 * burn-in), whether each is still active is drawn from the file's probability, and their traits from their own
 * posteriors.
 *
 * <p>The file: n/2 "regulars" who bought every month of the last year and are surely active, and n/2 "one-timers"
 * with one purchase four months ago, active with probability 0.6. Everyone's λ ~ gamma(2, 0.5) a month and
 * dropout ~ beta(2, 18).
 */
class ObservedStartTest {

    static final int N = 20_000;
    static final double ALIVE_ONE_TIMERS = 0.6;

    static Scenario scenario;
    /** The scenario's run on two threads. */
    static MetricsTable metrics;

    @BeforeAll
    static void writeScenarioAndRun(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", InitialPopulation.COLUMNS));
        String every = String.join(";", java.util.Collections.nCopies(12, "1"));
        String everyRevenue = String.join(";", java.util.Collections.nCopies(12, "40"));
        for (int i = 0; i < N; i++) {
            boolean regular = i % 2 == 0;
            lines.add("c" + i + ",kept," + (regular ? "1" : Double.toString(ALIVE_ONE_TIMERS)) + ",2,0.5,2,18,5,160,"
                    + (regular ? "-12,-1," + every + "," + everyRevenue
                               : "-4,-4,0;0;0;0;0;0;0;0;1;0;0;0,0;0;0;0;0;0;0;0;35;0;0;0"));
        }
        Files.write(dir.resolve("customers.csv"), lines, StandardCharsets.UTF_8);
        String yaml = String.join("\n",
                "name: observed start", "months: 12",
                "market: {potential: " + N + ", initialCustomers: " + N + "}",
                "archetypes: [{name: kept, share: 1, purchaseRate: 1, spend: 30, dropout: 0.1, satisfaction: 0.6}]",
                "taxonomy: four-types",
                "strategies: [{name: as-is, treatments: {default: none}}]",
                "initialPopulation: {file: customers.csv}", "");
        Path file = dir.resolve("observed.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        scenario = Scenarios.load(file).scenario();
        metrics = Simulator.run(scenario, RunOptions.threads(2)).metrics();
    }

    @Test
    void monthZeroIsTheCustomersOwnHistory() {
        // Regulars bought 12 times in the window, none on discount: loyal (frequency >= 6). Every one is active.
        assertThat(metrics.series("as-is", 0, "segment.loyal")[0]).isEqualTo(N / 2.0);
        double oneTimers = metrics.series("as-is", 0, "segment.fence-sitter")[0];
        double half = N / 2.0;
        assertThat(oneTimers).isCloseTo(half * ALIVE_ONE_TIMERS,
                Offset.offset(4.5 * Math.sqrt(half * ALIVE_ONE_TIMERS * (1 - ALIVE_ONE_TIMERS))));
        assertThat(metrics.series("as-is", 0, "active")[0]).isEqualTo(half + oneTimers);
        // The window revenue at month 0 is the file's: regulars hold 480 a year, one-timers 35.
        double active = half + oneTimers;
        double top = 0.2 * active * 480 / (half * 480 + oneTimers * 35); // the top 20% are all regulars
        assertThat(metrics.series("as-is", 0, "top20_share")[0]).isCloseTo(top, Offset.offset(0.002));
    }

    /**
     * Survival after month 0 of a customer active then: E[e^{−λpt}] over λ ~ gamma(2, 0.5), p ~ beta(2, 18), i.e.
     * ∫ (1 + 0.5·p·t)^{−2} beta(p) dp. The month-0 share active is 0.8 in expectation. Tolerance: 4.5 standard
     * deviations of the sum of the two groups' independent Bernoulli draws.
     */
    @Test
    void customersLeaveAsTheirPosteriorsSay() {
        double[] retention = metrics.series("as-is", 0, "retention_initial");
        BetaDistribution p = new BetaDistribution(null, 2, 18);
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(16, 1e-9, 1e-9);
        for (int t = 0; t <= 12; t++) {
            int months = t;
            double s = integrator.integrate(1_000_000, q -> Math.pow(1 + 0.5 * q * months, -2) * p.density(q), 0, 1);
            double a = s;
            double b = ALIVE_ONE_TIMERS * s;
            double expected = (a + b) / 2;
            double sd = Math.sqrt((N / 2.0) * (a * (1 - a) + b * (1 - b))) / N;
            assertThat(retention[t]).as("retention at month %d", t).isCloseTo(expected, Offset.offset(4.5 * sd));
        }
    }

    @Test
    void identicalForAnyThreadCount() {
        MetricsTable one = Simulator.run(scenario, RunOptions.threads(1)).metrics();
        MetricsTable three = Simulator.run(scenario, RunOptions.threads(3)).metrics();
        for (String metric : List.of("active", "purchases", "revenue", "retention_initial", "segment.loyal")) {
            assertThat(three.series("as-is", 0, metric)).as(metric).containsExactly(one.series("as-is", 0, metric));
        }
    }
}
