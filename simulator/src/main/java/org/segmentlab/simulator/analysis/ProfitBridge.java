package org.segmentlab.simulator.analysis;

import java.util.ArrayList;
import java.util.List;

import org.segmentlab.simulator.experiment.MeanInterval;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;

/**
 * The profit bridge: a strategy's cumulative profit difference to the baseline (the first strategy), split into
 * {@link BridgeComponent components} that add up to it exactly, per replication, then averaged over the paired
 * replications with a 95% interval each ({@link MeanInterval}).
 *
 * <p><b>Decomposition</b> (docs/model.md, "Profit bridge"). For each month t = 1 … T, the gross margin on sales
 * G_t = gross_margin_t − service_fees_t is written as a product of three factors, G = A · B · C:
 * A = customer-months (the customers active at the start of month t, i.e. {@code active} at the end of month t − 1:
 * the customers who can buy in month t), B = purchases / A (purchases per customer) and C = G / purchases (margin per
 * purchase); B := 0 when A = 0 and C := 0 when there are no purchases. The change from the baseline's (A₀, B₀, C₀) to
 * the strategy's (A₁, B₁, C₁) is split by the Shapley value of the three-factor product — each factor's change
 * averaged over the 3! orders in which the factors can be changed one at a time:
 * <pre>
 *   φ_A = ΔA · [ (B₀C₀ + B₁C₁) / 3 + (B₀C₁ + B₁C₀) / 6 ]
 *   φ_B = ΔB · [ (A₀C₀ + A₁C₁) / 3 + (A₀C₁ + A₁C₀) / 6 ]
 *   φ_C = ΔC · [ (A₀B₀ + A₁B₁) / 3 + (A₀B₁ + A₁B₀) / 6 ]
 * </pre>
 * with φ_A + φ_B + φ_C = A₁B₁C₁ − A₀B₀C₀ exactly, and no factor favoured by an order of evaluation. φ_A is linear in
 * ΔA, so it splits exactly by cohort: A = month-0 customers still active ({@code retention}) + the customers acquired
 * in the run by advertising, word of mouth, referral and win-back still active ({@code active_ads} …
 * {@code active_winback}), each ΔA_g times the same weight. φ_B is {@code purchase_frequency}, φ_C
 * {@code spend_per_purchase} (which also takes the rounding left between A·B·C and G, ~1e-16 of it). The other lines
 * are differences of the metrics themselves, with the sign they have in profit: {@code discounts} = −Δ discount_cost,
 * {@code service_cost} = −Δ service_cost, {@code service_fees} = Δ service_fees, {@code treatment_cost} =
 * −Δ (treatment_cost − treatment_fixed_cost), {@code fixed_cost} = −Δ treatment_fixed_cost,
 * {@code acquisition_cost} = −Δ acquisition_cost, {@code advertising_cost} = −Δ advertising_cost. Summed over the
 * months, the components add up to {@code total} = Δ profit_cumulative at T (up to floating-point rounding).
 *
 * <p>A month-by-month split is used rather than one over the run's totals because the product identity holds per
 * month; the Shapley weights make the split independent of the order the factors are listed in.
 */
public final class ProfitBridge {
    /** The metrics the bridge reads (all in {@code metrics.csv} since issue 15). */
    public static final List<String> METRICS = List.of(Metric.ACTIVE.key(), Metric.ACTIVE_ADS.key(),
            Metric.ACTIVE_WOM.key(), Metric.ACTIVE_REFERRAL.key(), Metric.ACTIVE_WINBACK.key(), Metric.PURCHASES.key(),
            Metric.GROSS_MARGIN.key(), Metric.SERVICE_FEES.key(), Metric.DISCOUNT_COST.key(), Metric.SERVICE_COST.key(),
            Metric.TREATMENT_COST.key(), Metric.TREATMENT_FIXED_COST.key(), Metric.ACQUISITION_COST.key(),
            Metric.ADVERTISING_COST.key(), Metric.PROFIT_CUMULATIVE.key());

    private static final BridgeComponent[] COHORTS = {BridgeComponent.ACQUIRED_ADS, BridgeComponent.ACQUIRED_WOM,
            BridgeComponent.ACQUIRED_REFERRAL, BridgeComponent.ACQUIRED_WINBACK};
    private static final Metric[] COHORT_METRICS = {Metric.ACTIVE_ADS, Metric.ACTIVE_WOM, Metric.ACTIVE_REFERRAL,
            Metric.ACTIVE_WINBACK};

    private ProfitBridge() {
    }

    /** Whether a table can be bridged: at least two strategies, and every metric of {@link #METRICS}. */
    public static boolean available(MetricsTable table) {
        return table.strategies().size() > 1 && table.metrics().containsAll(METRICS);
    }

    /**
     * The bridge of every non-baseline strategy, in strategy order, each in {@link BridgeComponent} order (the
     * {@code total} last). Empty when the table has one strategy.
     *
     * @throws IllegalArgumentException when the table lacks one of {@link #METRICS}
     */
    public static List<BridgeRow> of(MetricsTable table) {
        List<BridgeRow> rows = new ArrayList<>();
        for (String strategy : table.strategies().subList(Math.min(1, table.strategies().size()), table.strategies().size())) {
            rows.addAll(of(table, strategy));
        }
        return rows;
    }

    /** The bridge of one strategy against the baseline, in {@link BridgeComponent} order. */
    public static List<BridgeRow> of(MetricsTable table, String strategy) {
        double[][] values = perReplication(table, strategy);
        List<BridgeRow> rows = new ArrayList<>();
        for (BridgeComponent c : BridgeComponent.values()) {
            rows.add(new BridgeRow(strategy, c, MeanInterval.of(values[c.ordinal()])));
        }
        return rows;
    }

    /**
     * Each component's value in each replication, {@code [component ordinal][replication]}: the strategy's
     * replication r against the baseline's replication r (the same start and random numbers).
     *
     * @throws IllegalArgumentException for an unknown strategy or a table lacking one of {@link #METRICS}
     */
    public static double[][] perReplication(MetricsTable table, String strategy) {
        for (String m : METRICS) {
            table.metricIndex(m); // a clear message naming the missing metric
        }
        table.strategyIndex(strategy);
        String baseline = table.strategies().get(0);
        double[][] out = new double[BridgeComponent.values().length][table.replications()];
        for (int r = 0; r < table.replications(); r++) {
            double[] parts = replication(new Months(table, baseline, r), new Months(table, strategy, r));
            for (int c = 0; c < parts.length; c++) {
                out[c][r] = parts[c];
            }
        }
        return out;
    }

    /**
     * The Shapley split of the change of a product of three factors from (a0, b0, c0) to (a1, b1, c1): the
     * contributions of a, b and c (in that order), which add up to a1·b1·c1 − a0·b0·c0 and do not depend on the order
     * the factors are given in.
     */
    public static double[] shapley(double a0, double b0, double c0, double a1, double b1, double c1) {
        return new double[] {
            (a1 - a0) * weight(b0, c0, b1, c1),
            (b1 - b0) * weight(a0, c0, a1, c1),
            (c1 - c0) * weight(a0, b0, a1, b1),
        };
    }

    /** The Shapley weight of one factor's change, given the other two factors before (x0, y0) and after (x1, y1). */
    private static double weight(double x0, double y0, double x1, double y1) {
        return (x0 * y0 + x1 * y1) / 3 + (x0 * y1 + x1 * y0) / 6;
    }

    /** One replication's components, in {@link BridgeComponent} order. */
    private static double[] replication(Months base, Months strategy) {
        double[] parts = new double[BridgeComponent.values().length];
        for (int t = 1; t <= base.months; t++) {
            // Customer-months of month t: the customers active when it starts (the end of month t - 1).
            double a0 = base.at(Metric.ACTIVE, t - 1);
            double a1 = strategy.at(Metric.ACTIVE, t - 1);
            double p0 = base.at(Metric.PURCHASES, t);
            double p1 = strategy.at(Metric.PURCHASES, t);
            double g0 = base.salesMargin(t);
            double g1 = strategy.salesMargin(t);
            double b0 = a0 == 0 ? 0 : p0 / a0;
            double b1 = a1 == 0 ? 0 : p1 / a1;
            double c0 = p0 == 0 ? 0 : g0 / p0;
            double c1 = p1 == 0 ? 0 : g1 / p1;
            double wA = weight(b0, c0, b1, c1);
            double cohorts = 0;
            for (int g = 0; g < COHORTS.length; g++) {
                double d = strategy.at(COHORT_METRICS[g], t - 1) - base.at(COHORT_METRICS[g], t - 1);
                parts[COHORTS[g].ordinal()] += d * wA;
                cohorts += d;
            }
            // Month-0 customers = active minus the cohorts acquired in the run.
            double retention = (a1 - a0 - cohorts) * wA;
            parts[BridgeComponent.RETENTION.ordinal()] += retention;
            double frequency = (b1 - b0) * weight(a0, c0, a1, c1);
            parts[BridgeComponent.PURCHASE_FREQUENCY.ordinal()] += frequency;
            // φ_C, plus what rounding (or a margin without purchases) leaves between A·B·C and G: exact by construction.
            double split = (a1 - a0) * wA + frequency;
            parts[BridgeComponent.SPEND_PER_PURCHASE.ordinal()] += (g1 - g0) - split;
            parts[BridgeComponent.DISCOUNTS.ordinal()] -= strategy.at(Metric.DISCOUNT_COST, t) - base.at(Metric.DISCOUNT_COST, t);
            parts[BridgeComponent.SERVICE_COST.ordinal()] -= strategy.at(Metric.SERVICE_COST, t) - base.at(Metric.SERVICE_COST, t);
            parts[BridgeComponent.SERVICE_FEES.ordinal()] += strategy.at(Metric.SERVICE_FEES, t) - base.at(Metric.SERVICE_FEES, t);
            double fixed1 = strategy.at(Metric.TREATMENT_FIXED_COST, t);
            double fixed0 = base.at(Metric.TREATMENT_FIXED_COST, t);
            parts[BridgeComponent.TREATMENT_COST.ordinal()] -= (strategy.at(Metric.TREATMENT_COST, t) - fixed1)
                    - (base.at(Metric.TREATMENT_COST, t) - fixed0);
            parts[BridgeComponent.FIXED_COST.ordinal()] -= fixed1 - fixed0;
            parts[BridgeComponent.ACQUISITION_COST.ordinal()] -= strategy.at(Metric.ACQUISITION_COST, t) - base.at(Metric.ACQUISITION_COST, t);
            parts[BridgeComponent.ADVERTISING_COST.ordinal()] -= strategy.at(Metric.ADVERTISING_COST, t) - base.at(Metric.ADVERTISING_COST, t);
        }
        parts[BridgeComponent.TOTAL.ordinal()] = strategy.cumulativeProfit() - base.cumulativeProfit();
        return parts;
    }

    /** The monthly series of one (strategy, replication) the bridge reads, by {@link Metric}. */
    private static final class Months {
        final int months;
        private final double[][] series = new double[Metric.values().length][];

        Months(MetricsTable table, String strategy, int replication) {
            months = table.months();
            for (String key : METRICS) {
                series[metric(key).ordinal()] = table.series(strategy, replication, key);
            }
        }

        double at(Metric m, int t) {
            return series[m.ordinal()][t];
        }

        /** The gross margin on sales: gross margin without the service fees (a line of their own). */
        double salesMargin(int t) {
            return at(Metric.GROSS_MARGIN, t) - at(Metric.SERVICE_FEES, t);
        }

        /** Profit summed over months 1 … T. */
        double cumulativeProfit() {
            return at(Metric.PROFIT_CUMULATIVE, months) - at(Metric.PROFIT_CUMULATIVE, 0);
        }

        private static Metric metric(String key) {
            for (Metric m : Metric.values()) {
                if (m.key().equals(key)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(key);
        }
    }
}
