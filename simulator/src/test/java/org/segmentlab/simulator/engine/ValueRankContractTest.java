package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.ValueRanks;
import org.segmentlab.simulator.calibrate.LogFeatures;
import org.segmentlab.simulator.calibrate.PurchaseHistory;
import org.segmentlab.simulator.calibrate.Transaction;

/**
 * The one {@code valueRank} contract ({@link ValueRanks}), met by every path that computes it: the shared
 * reference, the engine's monthly ranking (sequential, and gathered from the status column on a pool) and the
 * features of a transaction log. Each path gets the same revenues and must give exactly (bit for bit) the ranks of
 * the definition: the share of the other customers with strictly lower revenue, ties to the minimum, everyone
 * eligible, a single customer 1.
 */
class ValueRankContractTest {

    /** Shared by the JUnit and jqwik engines, so never shut down (its workers are daemon threads). */
    private static final ForkJoinPool POOL = new ForkJoinPool(2);
    private static final LocalDate AS_OF = LocalDate.of(2020, 6, 30);

    /** One way of computing valueRank for every customer of {@code revenue} (all of them eligible). */
    interface RankPath {
        float[] ranks(float[] revenue);
    }

    static List<RankPath> paths() {
        return List.of(
                named("reference", ValueRankContractTest::reference),
                named("engine, sequential", ValueRankContractTest::engineSequential),
                named("engine, status column on a pool", ValueRankContractTest::engineParallel),
                named("transaction log", ValueRankContractTest::transactionLog));
    }

    static Stream<Arguments> cases() {
        List<float[]> revenues = List.of(
                new float[] {50, 10, 10, 0, 90},            // ties in the middle, a zero
                new float[] {0, 0, 0, 7, 7, 12},            // a run of zeros, ties at the top below the maximum
                new float[] {42},                           // one customer: the top
                new float[] {3, 3, 3, 3},                   // all equal: all at the minimum
                new float[] {0, 0},                         // all zero
                new float[] {5, 1},                         // two
                new float[] {1e-3f, 1e6f, 250.5f, 250.5f, 0, 1e6f, 17});
        return paths().stream().flatMap(p -> revenues.stream().map(r -> Arguments.of(p, r)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void everyPathGivesTheDefinition(RankPath path, float[] revenue) {
        assertThat(path.ranks(revenue)).containsExactly(definition(revenue));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paths")
    void documentedExamples(RankPath path) {
        assertThat(path.ranks(new float[] {50, 10, 10, 0, 90})).containsExactly(0.75f, 0.25f, 0.25f, 0f, 1f);
        assertThat(path.ranks(new float[] {9})).containsExactly(1f);
        assertThat(path.ranks(new float[] {4, 4, 4})).containsExactly(0f, 0f, 0f);
    }

    /** On any revenues with many ties (including zeros), every path gives exactly the definition's ranks. */
    @Property(tries = 150)
    void allPathsAgreeWithTheDefinition(@ForAll @Size(min = 1, max = 400) List<@IntRange(min = 0, max = 40) Integer> cents,
                                        @ForAll @IntRange(min = 1, max = 1000) int scale) {
        float[] revenue = new float[cents.size()];
        for (int i = 0; i < revenue.length; i++) {
            revenue[i] = cents.get(i) * scale / 100f;
        }
        float[] expected = definition(revenue);
        for (RankPath path : paths()) {
            assertThat(path.ranks(revenue)).as(path.toString()).containsExactly(expected);
        }
        // Strictly monotone in revenue (equal revenue, equal rank), within [0, 1], and a lone top spender has 1.
        for (int i = 0; i < revenue.length; i++) {
            assertThat(expected[i]).isBetween(0f, 1f);
            if (countBelow(revenue, revenue[i]) == revenue.length - 1) {
                assertThat(expected[i]).isEqualTo(1f);
            }
            for (int j = 0; j < revenue.length; j++) {
                assertThat(Float.compare(expected[i], expected[j])).isEqualTo(Float.compare(revenue[i], revenue[j]));
            }
        }
    }

    /** By the words of the rule, counted customer by customer. */
    private static float[] definition(float[] revenue) {
        int n = revenue.length;
        float[] rank = new float[n];
        for (int i = 0; i < n; i++) {
            rank[i] = n == 1 ? 1f : countBelow(revenue, revenue[i]) / (float) (n - 1);
        }
        return rank;
    }

    private static int countBelow(float[] revenue, float value) {
        int below = 0;
        for (float r : revenue) {
            if (r < value) {
                below++;
            }
        }
        return below;
    }

    private static float[] reference(float[] revenue) {
        float[] rank = new float[revenue.length];
        ValueRanks.rank(revenue, revenue.length, rank);
        return rank;
    }

    private static float[] engineSequential(float[] revenue) {
        int n = revenue.length;
        int[] customers = new int[n];
        for (int i = 0; i < n; i++) {
            customers[i] = i;
        }
        RevenueRanking ranking = new RevenueRanking();
        ranking.rank(customers, revenue, n);
        float[] rank = new float[n];
        ranking.writeValueRanks(rank);
        return rank;
    }

    /** The engine's own path: active rows gathered from the status column (churned rows interleaved) on a pool. */
    private static float[] engineParallel(float[] revenue) {
        int n = revenue.length;
        byte[] status = new byte[2 * n];
        float[] rowRevenue = new float[2 * n];
        for (int i = 0; i < n; i++) {
            status[2 * i] = CustomerStatus.CHURNED;
            rowRevenue[2 * i] = 1e9f; // a churned customer is not ranked, whatever it spent
            status[2 * i + 1] = CustomerStatus.ACTIVE;
            rowRevenue[2 * i + 1] = revenue[i];
        }
        RevenueRanking ranking = new RevenueRanking();
        ranking.rank(status, rowRevenue, 2 * n, POOL, true);
        float[] rowRank = new float[2 * n];
        ranking.writeValueRanks(rowRank, POOL);
        float[] rank = new float[n];
        for (int i = 0; i < n; i++) {
            rank[i] = rowRank[2 * i + 1];
        }
        return rank;
    }

    /**
     * The log's path: customer i buys {@code revenue[i]} in the window; a customer with revenue 0 bought only long
     * before it (a customer with nothing in the window is still ranked, with monetary 0).
     */
    private static float[] transactionLog(float[] revenue) {
        PurchaseHistory.Builder b = PurchaseHistory.builder();
        for (int i = 0; i < revenue.length; i++) {
            LocalDate day = revenue[i] > 0 ? AS_OF.minusDays(3) : AS_OF.minusYears(3);
            b.accept(new Transaction(Integer.toString(i), day, revenue[i] > 0 ? revenue[i] : 5, 1, 0));
        }
        LogFeatures features = LogFeatures.compute(b.build(), AS_OF, 12);
        float[] rank = new float[revenue.length];
        List<String> ids = features.customers();
        for (int row = 0; row < ids.size(); row++) {
            rank[Integer.parseInt(ids.get(row))] = features.table().get(Feature.VALUE_RANK, row);
        }
        return rank;
    }

    private static RankPath named(String name, RankPath path) {
        return new RankPath() {
            @Override
            public float[] ranks(float[] revenue) {
                return path.ranks(revenue);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
