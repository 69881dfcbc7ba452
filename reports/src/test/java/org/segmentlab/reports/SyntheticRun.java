package org.segmentlab.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.segmentlab.simulator.metrics.Metric;
import org.segmentlab.simulator.metrics.MetricsTable;
import org.segmentlab.simulator.metrics.RunDetail;
import org.segmentlab.simulator.metrics.RunResult;

/**
 * Plausible run results built directly (no engine), for report tests: a four-types market where later
 * strategies churn a little less and spend a little more, with replication noise shared across strategies
 * (as common random numbers would give) plus a smaller per-strategy noise.
 */
public final class SyntheticRun {
    public static final List<String> SEGMENTS = List.of("loyal", "fence-sitter", "price-sensitive", "negative");
    public static final List<String> STRATEGY_NAMES = List.of("baseline", "textbook", "retain-all", "cut-losses", "hunt", "quiet", "bold", "eighth", "ninth");

    private SyntheticRun() {
    }

    /** Metric names in the engine's order: the fixed ones, the segments, the classifier scores. */
    public static List<String> metricNames() {
        List<String> names = new ArrayList<>();
        for (Metric m : Metric.values()) {
            names.add(m.key());
        }
        for (String s : SEGMENTS) {
            names.add(Metric.segmentKey(s));
        }
        names.add(Metric.CLASSIFIER_ACCURACY);
        names.add(Metric.CLASSIFIER_MACRO_F1);
        return names;
    }

    public static RunResult of(int strategies, int replications, int months, long seed) {
        return of(strategies, replications, months, seed, false);
    }

    /**
     * @param cloneOfBaseline when true, strategy 1 is an exact copy of the baseline in every replication
     */
    public static RunResult of(int strategies, int replications, int months, long seed, boolean cloneOfBaseline) {
        List<String> names = STRATEGY_NAMES.subList(0, strategies);
        List<String> metrics = metricNames();
        int nm = metrics.size();
        double[][][][] values = new double[strategies][replications][nm][months + 1];
        List<RunDetail> details = new ArrayList<>();
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        for (int r = 0; r < replications; r++) {
            long replicationSeed = seed * 1_000_003L + r;
            for (int s = 0; s < strategies; s++) {
                int effect = cloneOfBaseline && s == 1 ? 0 : s;
                SplittableRandom common = new SplittableRandom(replicationSeed);
                SplittableRandom own = new SplittableRandom(replicationSeed * 31 + effect + 7);
                fill(values[s][r], metrics, months, effect, common, own);
                details.add(detail(names.get(s), r, months, effect, values[s][r], metrics, normal, own));
            }
        }
        MetricsTable table = new MetricsTable(names, replications, months, metrics, values);
        return new RunResult("Four types — synthetic", "EUR", seed, SEGMENTS, SEGMENTS, new int[] {0, 1, 2, 3}, table, details);
    }

    private static void fill(double[][] v, List<String> metrics, int months, int effect, SplittableRandom common, SplittableRandom own) {
        double initial = 20_000;
        double active = initial;
        double cohort = initial;
        double cumulative = 0;
        double adopters = initial;
        double[] mix = {0.2, 0.35, 0.3, 0.15};
        double churn = 0.035 - 0.004 * effect;
        double spend = 55 + 3 * effect;
        double reputation = 0;
        for (int t = 0; t <= months; t++) {
            double shock = 1 + 0.08 * (common.nextDouble() - 0.5) + 0.03 * (own.nextDouble() - 0.5);
            double churned = t == 0 ? 0 : active * churn * shock;
            double wom = t == 0 ? 0 : (40 + 12 * effect) * shock + 0.002 * active;
            double ads = t == 0 ? 0 : 150 * shock;
            if (t > 0) {
                cohort *= 1 - churn * shock;
                active += wom + ads - churned;
                adopters += wom + ads;
            }
            double revenue = t == 0 ? 0 : active * spend * 1.4 * shock;
            double margin = revenue * 0.35;
            double discounts = effect * 0.02 * revenue;
            double service = active * 1.2;
            double treatment = effect * active * 0.4;
            double acquisition = (wom + ads) * 30;
            double profit = t == 0 ? 0 : margin - discounts - service - treatment - acquisition;
            cumulative += profit;
            double promoters = active * (0.30 + 0.03 * effect + 0.02 * Math.sin(t / 5.0)) * shock;
            double detractors = active * (0.14 - 0.015 * effect) / shock;
            double drift = Math.min(1, t / (double) Math.max(1, months));
            double[] segment = {
                mix[0] + 0.05 * drift * effect / 3.0, mix[1] - 0.02 * drift, mix[2] - 0.02 * drift * effect / 3.0, mix[3] - 0.01 * drift * effect};
            double segTotal = segment[0] + segment[1] + segment[2] + segment[3];
            set(v, metrics, Metric.ACTIVE, t, active);
            set(v, metrics, Metric.ACQUIRED_ADS, t, ads);
            set(v, metrics, Metric.ACQUIRED_WOM, t, wom);
            set(v, metrics, Metric.ACQUIRED_TOTAL, t, ads + wom);
            set(v, metrics, Metric.ADOPTERS_CUMULATIVE, t, adopters);
            set(v, metrics, Metric.CHURNED, t, churned);
            set(v, metrics, Metric.TERMINATED, t, 0);
            set(v, metrics, Metric.RETENTION_INITIAL, t, cohort / initial);
            set(v, metrics, Metric.REVENUE, t, revenue);
            set(v, metrics, Metric.GROSS_MARGIN, t, margin);
            set(v, metrics, Metric.DISCOUNT_COST, t, discounts);
            set(v, metrics, Metric.SERVICE_COST, t, service);
            set(v, metrics, Metric.TREATMENT_COST, t, treatment);
            set(v, metrics, Metric.ACQUISITION_COST, t, acquisition);
            set(v, metrics, Metric.PROFIT, t, profit);
            set(v, metrics, Metric.PROFIT_CUMULATIVE, t, cumulative);
            // no trailing revenue before month 1: the engine reports NaN there
            set(v, metrics, Metric.TOP20_SHARE, t, t == 0 ? Double.NaN : 0.62 - 0.01 * effect + 0.01 * (common.nextDouble() - 0.5));
            set(v, metrics, Metric.GINI, t, t == 0 ? Double.NaN : 0.55 - 0.01 * effect);
            set(v, metrics, Metric.PROMOTERS, t, promoters);
            set(v, metrics, Metric.DETRACTORS, t, detractors);
            set(v, metrics, Metric.REFERRALS, t, promoters * 0.05);
            set(v, metrics, Metric.NET_WOM, t, (promoters - detractors) / active);
            set(v, metrics, Metric.COMPLAINTS, t, active * 0.02);
            set(v, metrics, Metric.SERVICE_FEES, t, 0);
            // what the profit bridge reads: purchases, and the customers acquired in the run still active by channel
            set(v, metrics, Metric.PURCHASES, t, t == 0 ? 0 : active * (1.1 + 0.05 * effect) * shock);
            set(v, metrics, Metric.ACTIVE_ADS, t, Math.max(0, active - cohort) * 0.45);
            set(v, metrics, Metric.ACTIVE_WOM, t, Math.max(0, active - cohort) * 0.55);
            set(v, metrics, Metric.SATISFACTION_MEAN, t, 0.6 + 0.02 * effect);
            // what the engine's stage 6 would show for these counts, with κ = 0.7
            set(v, metrics, Metric.WOM_DAMPING, t, Math.exp(-0.7 * detractors / active));
            reputation = t == 0 ? (promoters - detractors) / active : reputation + 0.1 * ((promoters - detractors) / active - reputation);
            set(v, metrics, Metric.REPUTATION, t, reputation);
            for (int g = 0; g < SEGMENTS.size(); g++) {
                v[metrics.indexOf(Metric.segmentKey(SEGMENTS.get(g)))][t] = Math.round(active * segment[g] / segTotal);
            }
            v[metrics.indexOf(Metric.CLASSIFIER_ACCURACY)][t] = 0.78 + 0.02 * shock;
            v[metrics.indexOf(Metric.CLASSIFIER_MACRO_F1)][t] = 0.71 + 0.02 * shock;
        }
    }

    private static void set(double[][] v, List<String> metrics, Metric metric, int t, double value) {
        v[metrics.indexOf(metric.key())][t] = value;
    }

    private static RunDetail detail(String strategy, int r, int months, int effect, double[][] v, List<String> metrics,
            NormalDistribution normal, SplittableRandom rng) {
        int n = SEGMENTS.size();
        double sigma = 1.2 - 0.05 * effect;
        double[][] lorenz = new double[months + 1][101];
        long[][][] transitions = new long[months + 1][n][n];
        long[][][] confusion = new long[months + 1][n][n];
        for (int t = 0; t <= months; t++) {
            for (int p = 0; p <= 100; p++) {
                double q = p / 100.0;
                lorenz[t][p] = t == 0 ? Double.NaN : p == 0 ? 0 : p == 100 ? 1
                        : normal.cumulativeProbability(normal.inverseCumulativeProbability(q) - sigma);
            }
            for (int i = 0; i < n; i++) {
                double count = v[metrics.indexOf(Metric.segmentKey(SEGMENTS.get(i)))][t];
                if (t > 0) {
                    double stay = 0.88 + 0.01 * effect;
                    for (int j = 0; j < n; j++) {
                        double share = i == j ? stay : (1 - stay) / (n - 1) * (j == 0 ? 1.5 : j == n - 1 ? 0.5 : 1);
                        transitions[t][i][j] = Math.round(count * share * (0.9 + 0.2 * rng.nextDouble()));
                    }
                }
                for (int j = 0; j < n; j++) {
                    double share = i == j ? 0.8 : 0.2 / (n - 1);
                    confusion[t][i][j] = Math.round(count * share);
                }
            }
        }
        long[][] cohortActive = new long[months + 1][months + 1];
        long[] cohortSize = new long[months + 1];
        for (int c = 0; c <= months; c++) {
            cohortSize[c] = c == 0 ? 20_000 : 200;
            for (int t = c; t <= months; t++) {
                cohortActive[c][t] = Math.round(cohortSize[c] * Math.pow(0.97, t - c));
            }
        }
        double[] ltv = {900 + 20 * effect, 300 + 10 * effect, 120 - 5 * effect, -40 + 15 * effect};
        long[] initial = {4000, 7000, 6000, 3000};
        return new RunDetail(strategy, r, lorenz, transitions, confusion, cohortActive, cohortSize, ltv, initial);
    }
}
