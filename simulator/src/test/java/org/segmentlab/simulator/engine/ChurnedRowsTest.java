package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunResult;
import org.segmentlab.simulator.population.Population;
import org.segmentlab.simulator.scenario.MarketParameter;
import org.segmentlab.simulator.scenario.Scenario;

/**
 * Churned rows compacted away ({@link ChurnedRows}) change nothing a user reads: customers keep their ids, which key
 * their draws, and their order, so a compacted run counts exactly what a run that keeps every row counts, and its sums
 * differ only in the last bits (the month's sums are added chunk by chunk, and the chunks hold other rows).
 */
class ChurnedRowsTest {

    /**
     * Three years of a churning market with every way back: the market's (a share open to returning, when set), a
     * win-back offer, fired customers who talk for a while, and a budget whose walk ranks the customers by value.
     */
    private static Scenario churning(double winBackShare) {
        ScenarioFixture f = ScenarioFixture.lively();
        f.initialCustomers = 9_000;
        f.months = 36;
        f.strategy("baseline", Map.of());
        f.strategy("budgeted", 6_000, Map.of("loyal", "loyalty-perks", "fence-sitter", "unique-offer",
                "price-sensitive", "price-campaign", "negative", "service-recovery"));
        f.strategy("fire-and-win-back", Map.of("negative", "terminate", "price-sensitive", "win-back",
                "fence-sitter", "win-back"));
        Scenario s = f.build();
        return s.withMarket(s.market().with(MarketParameter.WIN_BACK_SHARE, winBackShare));
    }

    @Test
    void aCompactedRunCountsExactlyWhatARunKeepingEveryRowCounts() {
        for (double share : new double[] {0, 0.3}) {
            Scenario scenario = churning(share);
            RunResult kept = EngineRuns.withCompaction("off", () -> Simulator.run(scenario, RunOptions.threads(2)));
            RunResult compacted = EngineRuns.withCompaction("on", () -> Simulator.run(scenario, RunOptions.threads(2)));
            assertSameUpToTheSumsLastBits(compacted.metrics(), kept.metrics(), "win-back share " + share);
            for (int i = 0; i < kept.details().size(); i++) {
                assertThat(compacted.details().get(i).transitions()).as("segment transitions")
                        .isDeepEqualTo(kept.details().get(i).transitions());
            }
            // The compaction did happen: the compacted run walks fewer rows by the end.
            for (String strategy : new String[] {"baseline", "fire-and-win-back"}) {
                int rowsKept = EngineRuns.withCompaction("off", () -> rowsAfter(scenario, strategy));
                int rowsCompacted = EngineRuns.withCompaction("on", () -> rowsAfter(scenario, strategy));
                assertThat(rowsCompacted).as("%s, share %s: rows walked at month 36", strategy, share)
                        .isLessThan(rowsKept);
            }
        }
    }

    @Test
    void aCompactedRunIsTheSameOnAnyThreadCount() {
        Scenario scenario = churning(0.3);
        RunResult one = EngineRuns.withCompaction("on", () -> Simulator.run(scenario, RunOptions.threads(1)));
        RunResult three = EngineRuns.withCompaction("on", () -> Simulator.run(scenario, RunOptions.threads(3)));
        assertThat(three.metrics()).isEqualTo(one.metrics());
    }

    /**
     * A budget walks the customers in last month's value order: the ranking's own when the run goes on alone, ranked
     * again when strategies step in lockstep (a watched run: another strategy's month comes in between) or rows were
     * compacted. The same walk either way.
     */
    @Test
    void aBudgetWalksTheSameOrderWhetherKeptOrRankedAgain() {
        Scenario scenario = churning(0.3);
        RunResult alone = EngineRuns.withCompaction("on", () -> Simulator.run(scenario, RunOptions.threads(2)));
        RunResult lockstep = EngineRuns.withCompaction("on",
                () -> Simulator.run(scenario, RunOptions.threads(2).withMonths(partial -> partial.result())));
        assertThat(lockstep.metrics()).isEqualTo(alone.metrics());
        double[] cost = alone.metrics().series("budgeted", 0, "treatment_cost");
        double[] baseline = alone.metrics().series("baseline", 0, "active");
        assertThat(java.util.Arrays.stream(cost, 1, cost.length).max().orElseThrow())
                .as("the budget binds: its cost stays at the budget while there are customers to treat").isLessThanOrEqualTo(6_000)
                .isGreaterThan(5_500);
        assertThat(baseline[1]).isGreaterThan(6_000);
    }

    /** What the gone are: fired and silent, or churned with no way back open (the market's or an offer's). */
    @Test
    void aRowIsGoneOnlyWhenNoLaterMonthReadsIt() {
        Scenario noReturns = churning(0);
        ChurnedRows rows = new ChurnedRows(new StepSettings(noReturns.effective(), 0));
        int detractorMonths = new StepSettings(noReturns.effective(), 0).terminationDetractorMonths;
        MarketState st = stateOf(4);
        int t = 20;
        st.status[0] = CustomerStatus.ACTIVE;
        st.status[1] = CustomerStatus.TERMINATED;
        st.status[2] = CustomerStatus.TERMINATED_DETRACTOR;
        st.lastComplaint[2] = (short) (t + 1 - detractorMonths); // talks no more from next month
        st.status[3] = CustomerStatus.TERMINATED_DETRACTOR;
        st.lastComplaint[3] = (short) (t + 2 - detractorMonths); // still talks next month
        assertThat(rows.gone(st, 0, t, 0)).as("active").isFalse();
        assertThat(rows.gone(st, 1, t, 0)).as("fired").isTrue();
        assertThat(rows.gone(st, 2, t, 0)).as("fired, silent from next month").isTrue();
        assertThat(rows.gone(st, 3, t, 0)).as("fired, still talking next month").isFalse();

        st.status[0] = CustomerStatus.CHURNED;
        st.lastComplaint[0] = (short) (t - 5); // left 6 months before next month
        st.status[1] = CustomerStatus.CLOSED_TO_RETURN;
        st.lastComplaint[1] = (short) (t - 5);
        assertThat(rows.gone(st, 0, t, 0)).as("churned, no offers").isTrue();
        assertThat(rows.gone(st, 0, t, 6)).as("churned, a 6-month offer still reaches them next month").isFalse();
        assertThat(rows.gone(st, 0, t, 5)).as("churned, past a 5-month offer").isTrue();
        assertThat(rows.gone(st, 1, t, 6)).as("closed to returning, an offer still reaches them").isFalse();
        assertThat(rows.gone(st, 1, t, 5)).as("closed to returning, past the offer").isTrue();

        ChurnedRows returning = new ChurnedRows(new StepSettings(churning(0.3).effective(), 0));
        assertThat(returning.gone(st, 0, t, 0)).as("churned, may be open to returning by the market").isFalse();
        assertThat(returning.gone(st, 1, t, 0)).as("closed to returning").isTrue();
    }

    /**
     * Retaining rows moves every column of the kept ones, the window's and the traits' included, keeps their ids, and
     * leaves the rows behind as new: a customer appended later gets a new id and an empty window.
     */
    @Test
    void retainedRowsKeepTheirColumnsAndIdsAndNewRowsStartEmpty() {
        for (ForkJoinPool pool : new ForkJoinPool[] {null, new ForkJoinPool(2)}) {
            int n = 45; // not a multiple of the packed columns' eight
            MarketState st = stateOf(n);
            WindowRing ring = st.ring;
            for (int i = 0; i < n; i++) {
                st.satisfaction[i] = i / 100f;
                st.lastPurchase[i] = (short) i;
                st.segment[i] = (byte) (i % 4);
                st.population.spend()[i] = 10 + i;
                st.population.archetype()[i] = (byte) (i % 3);
                for (int month = 0; month < 3; month++) {
                    ring.write(i, ring.slotOf(month), i + month, -i, i % 7 + month, i % 5, i % 2 == 0, i % 3, month % 2);
                }
            }
            int[] before = counts(ring, n);
            double[] revenueBefore = revenue(ring, n);
            int[] rows = java.util.stream.IntStream.range(0, n).filter(i -> i % 3 != 1).toArray();
            st.retain(rows, rows.length, pool);

            assertThat(st.size).isEqualTo(rows.length);
            assertThat(st.population.size()).isEqualTo(rows.length);
            int[] after = counts(ring, rows.length);
            double[] revenueAfter = revenue(ring, rows.length);
            for (int k = 0; k < rows.length; k++) {
                int i = rows[k];
                assertThat(st.id[k]).isEqualTo(i);
                assertThat(st.satisfaction[k]).isEqualTo(i / 100f);
                assertThat(st.lastPurchase[k]).isEqualTo((short) i);
                assertThat(st.segment[k]).isEqualTo((byte) (i % 4));
                assertThat(st.population.spend()[k]).isEqualTo(10f + i);
                assertThat(st.population.archetype()[k]).isEqualTo((byte) (i % 3));
                assertThat(revenueAfter[k]).as("window revenue of customer %d", i).isEqualTo(revenueBefore[i]);
                for (int c = 0; c < WindowRing.COUNTS; c++) {
                    assertThat(after[k * WindowRing.COUNTS + c]).as("count %d of customer %d", c, i)
                            .isEqualTo(before[i * WindowRing.COUNTS + c]);
                }
            }

            st.population.extend(3);
            st.grow(rows.length + 3, (short) 4, pool);
            int[] grown = counts(ring, st.size);
            double[] grownRevenue = revenue(ring, st.size);
            for (int i = rows.length; i < st.size; i++) {
                assertThat(st.id[i]).as("a new customer's id follows every id ever given").isEqualTo(n + i - rows.length);
                assertThat(grownRevenue[i]).as("a new customer's window revenue").isZero();
                assertThat(java.util.Arrays.copyOfRange(grown, i * WindowRing.COUNTS, (i + 1) * WindowRing.COUNTS))
                        .as("a new customer's window counts").containsOnly(0);
                assertThat(st.lastPurchase[i]).isEqualTo(MarketState.NEVER);
                assertThat(st.status[i]).isEqualTo(CustomerStatus.ACTIVE);
            }
            if (pool != null) {
                pool.shutdown();
            }
        }
    }

    private static MarketState stateOf(int customers) {
        Population population = Population.withCapacity(customers);
        population.extend(customers);
        return new MarketState(population, 3, (short) 0);
    }

    private static int[] counts(WindowRing ring, int n) {
        int[] all = new int[n * WindowRing.COUNTS];
        int[] one = new int[WindowRing.COUNTS];
        for (int i = 0; i < n; i++) {
            ring.counts(i, one);
            System.arraycopy(one, 0, all, i * WindowRing.COUNTS, WindowRing.COUNTS);
        }
        return all;
    }

    private static double[] revenue(WindowRing ring, int n) {
        WindowSums.Totals totals = new WindowSums.Totals(n);
        ring.revenue(0, n, totals, WindowSumsKernel.SCALAR);
        return totals.revenue.clone();
    }

    private static int rowsAfter(Scenario scenario, String strategy) {
        try (MarketSimulation simulation = MarketSimulation.start(scenario, 0, strategy, 2)) {
            for (int t = 0; t < scenario.months(); t++) {
                simulation.advance();
            }
            return simulation.customers();
        }
    }

    /** Counts exactly; the rest (sums, and what is computed from them) to 1e-12 of the series' largest value. */
    private static void assertSameUpToTheSumsLastBits(MetricsTable actual, MetricsTable expected, String what) {
        for (String strategy : expected.strategies()) {
            for (String metric : expected.metrics()) {
                double[] a = actual.series(strategy, 0, metric);
                double[] e = expected.series(strategy, 0, metric);
                if (Metric.unitOf(metric) == Metric.Unit.COUNT) {
                    assertThat(a).as("%s: %s %s", what, strategy, metric).containsExactly(e);
                    continue;
                }
                double scale = java.util.Arrays.stream(e).filter(Double::isFinite).map(Math::abs).max().orElse(0);
                for (int t = 0; t < e.length; t++) {
                    if (Double.isFinite(e[t])) {
                        assertThat(a[t]).as("%s: %s %s month %d", what, strategy, metric, t)
                                .isCloseTo(e[t], within(1e-12 * scale));
                    } else {
                        assertThat(a[t]).as("%s: %s %s month %d", what, strategy, metric, t).isEqualTo(e[t]);
                    }
                }
            }
        }
    }
}
