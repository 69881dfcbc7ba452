package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

import org.junit.jupiter.api.Test;

/** The monthly ranking: a correct stable sort, and the Pareto figures computed from it by their definitions. */
class RevenueRankingTest {

    @Property(tries = 200)
    void sortsAscendingStablyAndComputesTheDefinitions(@ForAll @Size(max = 3000) float[] revenue) {
        int n = revenue.length;
        int[] customers = new int[n];
        for (int i = 0; i < n; i++) {
            customers[i] = 10 * i; // any ids
            // Revenue is never negative; rounding to thousands makes many ties.
            revenue[i] = Float.isFinite(revenue[i]) ? Math.round(Math.min(Math.abs(revenue[i]), 1e7f) / 1000f) * 1000f : 0f;
        }
        RevenueRanking ranking = new RevenueRanking();
        ranking.rank(customers, revenue, n);
        float[] sorted = revenue.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; i++) {
            assertThat(revenue[ranking.order()[i] / 10]).isEqualTo(sorted[i]);
            if (i > 0 && revenue[ranking.order()[i] / 10] == revenue[ranking.order()[i - 1] / 10]) {
                assertThat(ranking.order()[i]).as("stable: ties keep customer order").isGreaterThan(ranking.order()[i - 1]);
            }
        }
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            total += sorted[i];
            weighted += (2.0 * (i + 1) - n - 1) * sorted[i];
        }
        if (total > 0) {
            int top = (int) Math.ceil(0.2 * n);
            double topSum = 0;
            for (int i = n - top; i < n; i++) {
                topSum += sorted[i];
            }
            // One pass adds the same values in the same order as a pass per figure: the same bits.
            assertThat(ranking.top20Share).isEqualTo(topSum / total);
            assertThat(ranking.gini).isEqualTo(weighted / (n * total));
            assertThat(ranking.lorenz).containsExactly(lorenz(sorted, total));
            assertThat(ranking.lorenz[0]).isZero();
            assertThat(ranking.lorenz[100]).isCloseTo(1.0, within(1e-9));
            for (int p = 1; p <= 100; p++) {
                assertThat(ranking.lorenz[p]).isGreaterThanOrEqualTo(ranking.lorenz[p - 1] - 1e-12);
                assertThat(ranking.lorenz[p]).isLessThanOrEqualTo(p / 100.0 + 1e-9); // below the equality line
            }
        } else {
            assertThat(ranking.top20Share).isNaN();
        }
    }

    @Test
    void valueRankIsTheShareOfCustomersWithStrictlyLowerRevenue() {
        float[] revenue = {50, 10, 10, 0, 90};
        int[] customers = {0, 1, 2, 3, 4};
        RevenueRanking ranking = new RevenueRanking();
        ranking.rank(customers, revenue, 5);
        float[] valueRank = new float[5];
        ranking.writeValueRanks(valueRank);
        assertThat(valueRank).containsExactly(0.75f, 0.25f, 0.25f, 0f, 1f);
        assertThat(ranking.top20Share).isCloseTo(90.0 / 160, within(1e-12));
    }

    /** The parallel gather/sort/ranks over several blocks match the sequential ranking exactly, ties included. */
    @Test
    void parallelRankingEqualsTheSequentialOne() {
        int size = 3 * org.segmentlab.model.Chunks.RANKING + 1234;
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        byte[] status = new byte[size];
        float[] revenue = new float[size];
        int n = 0;
        int[] customers = new int[size];
        float[] gathered = new float[size];
        for (int i = 0; i < size; i++) {
            status[i] = random.nextInt(10) == 0 ? CustomerStatus.CHURNED : CustomerStatus.ACTIVE;
            // Long runs of zeros cross block boundaries; the rest has many ties.
            revenue[i] = i < 2 * org.segmentlab.model.Chunks.RANKING && random.nextInt(4) > 0 ? 0f : random.nextInt(5000) / 4f;
            if (status[i] == CustomerStatus.ACTIVE) {
                customers[n] = i;
                gathered[n] = revenue[i];
                n++;
            }
        }
        RevenueRanking sequential = new RevenueRanking();
        sequential.rank(customers, gathered, n);
        float[] expected = new float[size];
        sequential.writeValueRanks(expected);
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(3);
        try {
            RevenueRanking parallel = new RevenueRanking();
            parallel.rank(status, revenue, size, pool, true);
            float[] actual = new float[size];
            parallel.writeValueRanks(actual, pool);
            assertThat(parallel.size()).isEqualTo(n);
            assertThat(Arrays.copyOf(parallel.order(), n)).containsExactly(Arrays.copyOf(sequential.order(), n));
            assertThat(actual).containsExactly(expected);
            assertThat(parallel.gini).isEqualTo(sequential.gini);
            assertThat(parallel.top20Share).isEqualTo(sequential.top20Share);
            assertThat(parallel.lorenz).containsExactly(sequential.lorenz);
            // Revenues alone (no budget, no valueRank): the same Pareto figures, bit for bit, and no order to read.
            RevenueRanking revenues = new RevenueRanking();
            revenues.rank(status, revenue, size, pool, false);
            assertThat(revenues.size()).isEqualTo(n);
            assertThat(revenues.gini).isEqualTo(sequential.gini);
            assertThat(revenues.top20Share).isEqualTo(sequential.top20Share);
            assertThat(revenues.lorenz).containsExactly(sequential.lorenz);
            assertThatThrownBy(revenues::order).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("without the customers");
            assertThatThrownBy(() -> revenues.writeValueRanks(new float[size], pool))
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            pool.shutdown();
        }
    }

    /** The Lorenz curve by its definition, a pass of its own: the poorest p of customers' share, linear between them. */
    private static double[] lorenz(float[] sorted, double total) {
        int n = sorted.length;
        double[] curve = new double[RevenueRanking.LORENZ_POINTS];
        for (int p = 0; p < curve.length; p++) {
            double position = p / (double) (curve.length - 1) * n;
            int whole = (int) Math.floor(position);
            double before = 0;
            for (int i = 0; i < Math.min(whole, n); i++) {
                before += sorted[i];
            }
            double partial = whole < n ? (position - whole) * sorted[whole] : 0;
            curve[p] = Math.min(1.0, (before + partial) / total);
        }
        return curve;
    }
}
