package org.segmentlab.simulator.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;

/** The profit bridge's Shapley split on hand-made numbers, and its behaviour on real runs of four-types. */
class ProfitBridgeTest {

    // ---- the three-factor split, by hand ---------------------------------------------------------------------

    /** The Shapley value by its definition: each factor's marginal change averaged over all 3! orders. */
    private static double[] shapleyByDefinition(double[] before, double[] after) {
        int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        double[] phi = new double[3];
        for (int[] order : orders) {
            double[] x = before.clone();
            for (int f : order) {
                double from = x[0] * x[1] * x[2];
                x[f] = after[f];
                phi[f] += (x[0] * x[1] * x[2] - from) / orders.length;
            }
        }
        return phi;
    }

    @Test
    void theSplitIsTheShapleyValueExactAndIndependentOfTheFactorsOrder() {
        double[][][] cases = {
            {{1000, 1.8, 22.5}, {1150, 1.6, 24.0}},
            {{1000, 1.8, 22.5}, {1000, 1.8, 22.5}}, // no change
            {{1000, 1.8, 22.5}, {1000, 0, 0}},       // the strategy sells nothing: zero purchases
            {{0, 0, 0}, {800, 2.0, 30.0}},           // the baseline has no active customers
            {{500, 2.0, 30.0}, {0, 0, 0}},           // the strategy has none left
            {{3, -2, 5}, {-1, 4, 0.5}},              // signs do not matter to the identity
        };
        int[][] permutations = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
        for (double[][] c : cases) {
            double[] b = c[0];
            double[] a = c[1];
            double[] phi = ProfitBridge.shapley(b[0], b[1], b[2], a[0], a[1], a[2]);
            double change = a[0] * a[1] * a[2] - b[0] * b[1] * b[2];
            assertThat(phi[0] + phi[1] + phi[2]).as("exact: %s", Arrays.deepToString(c))
                    .isCloseTo(change, within(1e-9 * Math.max(1, Math.abs(change))));
            double[] expected = shapleyByDefinition(b, a);
            for (int f = 0; f < 3; f++) {
                assertThat(phi[f]).as("factor %d of %s", f, Arrays.deepToString(c))
                        .isCloseTo(expected[f], within(1e-9 * Math.max(1, Math.abs(expected[f]))));
            }
            // Listing the factors in another order moves each contribution with its factor, unchanged.
            for (int[] p : permutations) {
                double[] permuted = ProfitBridge.shapley(b[p[0]], b[p[1]], b[p[2]], a[p[0]], a[p[1]], a[p[2]]);
                for (int k = 0; k < 3; k++) {
                    assertThat(permuted[k]).isCloseTo(phi[p[k]], within(1e-9 * Math.max(1, Math.abs(phi[p[k]]))));
                }
            }
        }
        // A factor that does not change gets nothing.
        assertThat(ProfitBridge.shapley(100, 2, 30, 120, 2, 25)[1]).isZero();
    }

    /** A one-month table of two strategies, one replication, from the values given (everything else 0). */
    private static MetricsTable oneMonth(Map<String, double[]> monthOne, Map<String, double[]> monthZero) {
        List<String> metrics = new ArrayList<>();
        for (Metric m : Metric.values()) {
            metrics.add(m.key());
        }
        double[][][][] values = new double[2][1][metrics.size()][2];
        monthOne.forEach((k, v) -> {
            values[0][0][metrics.indexOf(k)][1] = v[0];
            values[1][0][metrics.indexOf(k)][1] = v[1];
        });
        monthZero.forEach((k, v) -> {
            values[0][0][metrics.indexOf(k)][0] = v[0];
            values[1][0][metrics.indexOf(k)][0] = v[1];
        });
        return new MetricsTable(List.of("baseline", "other"), 1, 1, metrics, values);
    }

    @Test
    void aHandMadeMonthSplitsIntoCohortsFrequencySpendAndTheCostLines() {
        // Month 0 (the customers who can buy in month 1): baseline 1000 = 900 month-0 + 100 by ads; the strategy
        // 1200 = 950 + 150 by ads + 60 by word of mouth + 40 by referral. Month 1: purchases 1800 vs 2400, gross
        // margin on sales 36 000 vs 50 400 (fees on top: 500 vs 800), and the cost lines.
        double gross0 = 36_000 + 500;
        double gross1 = 50_400 + 800;
        double disc0 = 1000, disc1 = 4000, svc0 = 2000, svc1 = 2500, treat0 = 0, treat1 = 9000, fixed1 = 5000;
        double acq0 = 400, acq1 = 700, adv1 = 1500;
        double profit0 = gross0 - disc0 - svc0 - treat0 - acq0;
        double profit1 = gross1 - disc1 - svc1 - treat1 - acq1 - adv1;
        MetricsTable table = oneMonth(Map.ofEntries(
                Map.entry("purchases", new double[] {1800, 2400}),
                Map.entry("gross_margin", new double[] {gross0, gross1}),
                Map.entry("service_fees", new double[] {500, 800}),
                Map.entry("discount_cost", new double[] {disc0, disc1}),
                Map.entry("service_cost", new double[] {svc0, svc1}),
                Map.entry("treatment_cost", new double[] {treat0, treat1}),
                Map.entry("treatment_fixed_cost", new double[] {0, fixed1}),
                Map.entry("acquisition_cost", new double[] {acq0, acq1}),
                Map.entry("advertising_cost", new double[] {0, adv1}),
                Map.entry("profit", new double[] {profit0, profit1}),
                Map.entry("profit_cumulative", new double[] {profit0, profit1})),
                Map.of("active", new double[] {1000, 1200}, "active_ads", new double[] {100, 150},
                        "active_wom", new double[] {0, 60}, "active_referral", new double[] {0, 40}));
        double[][] v = ProfitBridge.perReplication(table, "other");
        double[] phi = ProfitBridge.shapley(1000, 1.8, 20, 1200, 2, 21);
        double perCustomer = phi[0] / 200; // φ_A is linear in ΔA: each extra customer-month is worth the same
        assertThat(value(v, BridgeComponent.RETENTION)).isCloseTo(50 * perCustomer, within(1e-6));
        assertThat(value(v, BridgeComponent.ACQUIRED_ADS)).isCloseTo(50 * perCustomer, within(1e-6));
        assertThat(value(v, BridgeComponent.ACQUIRED_WOM)).isCloseTo(60 * perCustomer, within(1e-6));
        assertThat(value(v, BridgeComponent.ACQUIRED_REFERRAL)).isCloseTo(40 * perCustomer, within(1e-6));
        assertThat(value(v, BridgeComponent.ACQUIRED_WINBACK)).isZero();
        assertThat(value(v, BridgeComponent.PURCHASE_FREQUENCY)).isCloseTo(phi[1], within(1e-6));
        assertThat(value(v, BridgeComponent.SPEND_PER_PURCHASE)).isCloseTo(phi[2], within(1e-6));
        assertThat(value(v, BridgeComponent.DISCOUNTS)).isEqualTo(-3000);
        assertThat(value(v, BridgeComponent.SERVICE_COST)).isEqualTo(-500);
        assertThat(value(v, BridgeComponent.SERVICE_FEES)).isEqualTo(300);
        assertThat(value(v, BridgeComponent.TREATMENT_COST)).as("per-customer part only").isEqualTo(-4000);
        assertThat(value(v, BridgeComponent.FIXED_COST)).isEqualTo(-5000);
        assertThat(value(v, BridgeComponent.ACQUISITION_COST)).isEqualTo(-300);
        assertThat(value(v, BridgeComponent.ADVERTISING_COST)).isEqualTo(-1500);
        assertThat(value(v, BridgeComponent.TOTAL)).isEqualTo(profit1 - profit0);
        double sum = Arrays.stream(BridgeComponent.values()).filter(BridgeComponent::isPart).mapToDouble(c -> value(v, c)).sum();
        assertThat(sum).isCloseTo(profit1 - profit0, within(1e-9));
    }

    @Test
    void aMonthWithoutPurchasesOrWithoutCustomersStaysExact() {
        // The strategy has lost every customer: nothing bought, no margin; the baseline still sells.
        MetricsTable table = oneMonth(Map.of("purchases", new double[] {300, 0}, "gross_margin", new double[] {6000, 0},
                        "profit_cumulative", new double[] {6000, 0}),
                Map.of("active", new double[] {200, 0}));
        double[][] v = ProfitBridge.perReplication(table, "other");
        double[] phi = ProfitBridge.shapley(200, 1.5, 20, 0, 0, 0);
        assertThat(value(v, BridgeComponent.RETENTION)).isCloseTo(phi[0], within(1e-9));
        assertThat(value(v, BridgeComponent.PURCHASE_FREQUENCY)).isCloseTo(phi[1], within(1e-9));
        assertThat(value(v, BridgeComponent.SPEND_PER_PURCHASE)).isCloseTo(phi[2], within(1e-9));
        assertThat(phi[0] + phi[1] + phi[2]).isCloseTo(-6000, within(1e-9));
        assertThat(value(v, BridgeComponent.TOTAL)).isEqualTo(-6000);
    }

    @Test
    void aTableWithoutTheBridgeMetricsIsRefusedByName() {
        MetricsTable old = new MetricsTable(List.of("a", "b"), 1, 1, List.of("active", "profit_cumulative"),
                new double[2][1][2][2]);
        assertThat(ProfitBridge.available(old)).isFalse();
        assertThatThrownBy(() -> ProfitBridge.of(old)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("active_ads");
    }

    private static double value(double[][] v, BridgeComponent c) {
        return v[c.ordinal()][0];
    }

    // ---- real runs --------------------------------------------------------------------------------------------

    @Test
    void aStrategyIdenticalToTheBaselineHasNothingToExplain() {
        // The textbook strategy with every segment untreated: the same draws, the same months, a zero bridge.
        MetricsTable table = BridgeRuns.run(BridgeRuns.reduced("four-types.yaml", 2_000, 2)
                .with("strategies[1].treatments", "{default: none}"));
        double[][] v = ProfitBridge.perReplication(table, table.strategies().get(1));
        for (BridgeComponent c : BridgeComponent.values()) {
            assertThat(v[c.ordinal()]).as(c.id()).containsOnly(0.0);
        }
    }

    @Test
    void inFourTypesTheTextbookPackagePaysThePriceCampaignsDiscounts() {
        MetricsTable table = BridgeRuns.run(BridgeRuns.reduced("four-types.yaml", 3_000, 2));
        double[][] v = ProfitBridge.perReplication(table, "textbook");
        for (int r = 0; r < table.replications(); r++) {
            assertThat(v[BridgeComponent.DISCOUNTS.ordinal()][r]).as("discounts, replication %d", r).isNegative();
            assertThat(v[BridgeComponent.RETENTION.ordinal()][r]).as("perks and recovery keep month-0 customers")
                    .isPositive();
            assertThat(v[BridgeComponent.TREATMENT_COST.ordinal()][r]).as("treatment cost").isNegative();
        }
        BridgeRow discounts = ProfitBridge.of(table, "textbook").get(BridgeComponent.DISCOUNTS.ordinal());
        assertThat(discounts.component()).isEqualTo(BridgeComponent.DISCOUNTS);
        assertThat(discounts.value().mean()).isNegative();
    }

    /**
     * The intervals are paired-replication intervals, so their half-width divided by the t quantile (the standard error
     * s/√n) halves when the replications quadruple. 64 replications of four-types are cut into 16 groups of 4 and 4
     * groups of 16; the mean standard error of each is compared. With normal replication values E[s] = c4(n)·σ, so the
     * expected ratio is ½ · c4(16)/c4(4) = 0.534; s of a group of n has a relative spread √(1 − c4²)/c4 (0.42 for 4,
     * 0.18 for 16), averaged over 16 and 4 groups: the ratio's relative standard deviation is about 0.14. The
     * tolerance is 4 of those (a false failure about once in 15 000 runs under normality; the seed is fixed).
     */
    @Test
    void intervalsShrinkLikeOneOverTheSquareRootOfTheReplications() {
        int replications = 64;
        MetricsTable table = BridgeRuns.run(BridgeRuns.reduced("four-types.yaml", 1_500, replications).with("months", "12"));
        double[][] v = ProfitBridge.perReplication(table, "textbook");
        double expected = 0.5 * c4(16) / c4(4);
        double relativeSd = Math.hypot(Math.sqrt(1 - c4(4) * c4(4)) / c4(4) / Math.sqrt(16),
                Math.sqrt(1 - c4(16) * c4(16)) / c4(16) / Math.sqrt(4));
        for (BridgeComponent c : List.of(BridgeComponent.TOTAL, BridgeComponent.RETENTION, BridgeComponent.DISCOUNTS)) {
            double ratio = meanStandardError(v[c.ordinal()], 16) / meanStandardError(v[c.ordinal()], 4);
            assertThat(ratio).as("%s: standard error at 16 replications over that at 4", c.id())
                    .isCloseTo(expected, within(4 * relativeSd * expected));
        }
    }

    /** The mean, over consecutive groups of n replications, of each group's interval half-width / t(0.975, n − 1). */
    private static double meanStandardError(double[] values, int n) {
        double quantile = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        double sum = 0;
        int groups = values.length / n;
        for (int g = 0; g < groups; g++) {
            MeanInterval interval = MeanInterval.of(Arrays.copyOfRange(values, g * n, (g + 1) * n));
            sum += (interval.high() - interval.mean()) / quantile;
        }
        return sum / groups;
    }

    /** c4(n) = √(2/(n−1)) · Γ(n/2) / Γ((n−1)/2): the bias of the sample standard deviation of n normal values. */
    private static double c4(int n) {
        return Math.sqrt(2.0 / (n - 1)) * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(n / 2.0)
                - org.apache.commons.math3.special.Gamma.logGamma((n - 1) / 2.0));
    }
}
