package org.segmentlab.benchmarks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.segmentlab.simulator.engine.RunOptions;
import org.segmentlab.simulator.engine.Simulator;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * The month kernels are read as lower bounds for the plain month only if they do the plain market's work: per
 * customer-month they must buy, spend, complain and churn as the engine's plain market does (their traits are drawn
 * the same way, from the same archetypes; they leave out acquisition and word of mouth, which move these rates by a few
 * per cent). A kernel that skipped work (no baskets, no complaints, a Poisson count stuck at 0) would be faster for the
 * wrong reason and fail here.
 */
class MonthKernelBenchmarkTest {
    private static final int CUSTOMERS = 100_000;
    private static final int MONTHS = 12;

    private static MetricsTable engine;
    /** Customer-months in the engine's plain market: who is active in month t was active at the end of month t − 1. */
    private static double exposed;

    @BeforeAll
    static void runTheEngine() {
        engine = Simulator.run(FullFeaturedScenario.plain(CUSTOMERS, MONTHS), RunOptions.threads(2)).metrics();
        exposed = CUSTOMERS + Arrays.stream(engine.series("baseline", 0, "active"), 0, MONTHS - 1).sum();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theKernelBuysComplainsAndChurnsAsTheEnginesPlainMarketDoes(boolean onLanes) {
        MonthKernelBenchmark kernel = new MonthKernelBenchmark();
        kernel.customers = CUSTOMERS;
        kernel.months = MONTHS;
        kernel.ranked = true;
        kernel.population();
        if (onLanes) {
            kernel.yearOnLanes();
        } else {
            kernel.year();
        }
        MonthKernelBenchmark.Work work = kernel.work();
        double months = work.activeMonths();
        // With 10^5 customers over a year the rates' sampling error is under 1%: the tolerances are the model's
        // differences (acquired newcomers, negative word of mouth's churn factor), not noise. Seeds are fixed.
        double purchases = sum("purchases");
        assertThat(work.purchases() / months).isCloseTo(purchases / exposed, within(0.08 * purchases / exposed));
        double perPurchase = sum("revenue") / purchases;
        assertThat(work.revenue() / work.purchases()).isCloseTo(perPurchase, within(0.08 * perPurchase));
        double bad = sum("bad_experiences") / exposed;
        assertThat(work.badExperiences() / months).isCloseTo(bad, within(0.15 * bad));
        double churned = sum("churned") / exposed;
        assertThat(work.churned() / months).isCloseTo(churned, within(0.15 * churned));
        // The Pareto metric the ranked year computes: the top fifth's share of the month's revenue, as the engine's.
        double top = Arrays.stream(engine.series("baseline", 0, "top20_share")).average().orElseThrow();
        assertThat(work.topFifthShare()).isCloseTo(top, within(0.05 * top));
    }

    private static double sum(String metric) {
        return Arrays.stream(engine.series("baseline", 0, metric)).sum();
    }
}
