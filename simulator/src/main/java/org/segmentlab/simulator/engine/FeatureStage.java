package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.CustomerStatus.ACTIVE;

import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;
import org.segmentlab.model.feature.PromoLift;

/**
 * Stage 9: the features the taxonomy reads, from the trailing window, into the chunk's feature table. Only what is
 * needed is computed: monetary always (the revenue ranking needs it), the rest only when the chunk is classified and
 * the taxonomy reads it. Inactive customers are skipped; their rows keep stale values that nobody reads.
 */
final class FeatureStage {
    private final StepSettings s;
    /** The features the taxonomy reads, by ordinal: the others are not computed. */
    private final boolean[] used;

    FeatureStage(StepSettings settings, java.util.Set<Feature> featuresUsed) {
        this.s = settings;
        this.used = new boolean[Feature.all().size()];
        for (Feature f : featuresUsed) {
            used[f.ordinal()] = true;
        }
    }

    /** Window revenue of the chunk's active customers (the ranking's key, and the feature monetary). */
    void monetary(Month m, Chunk c) {
        MarketState st = m.st;
        float[] monetary = c.features.column(Feature.MONETARY);
        double[] revenue = c.windowTotals.revenue;
        st.ring.revenue(c.from, c.to, c.windowTotals, m.windowSums);
        for (int i = c.from; i < c.to; i++) {
            if (st.status[i] == ACTIVE) {
                monetary[i - c.from] = (float) revenue[i - c.from];
            }
        }
    }

    /** Every feature but monetary, for classification: the window's counts and margin by the chunk kernels. */
    void others(Month m, Chunk c) {
        MarketState st = m.st;
        WindowRing ring = st.ring;
        FeatureTable table = c.features;
        int from = c.from;
        int to = c.to;
        int t = m.t;
        boolean counts = needs(Feature.FREQUENCY) || needs(Feature.DISCOUNT_SHARE) || needs(Feature.PROMO_LIFT)
                || needs(Feature.COMPLAINTS) || needs(Feature.REFERRALS) || needs(Feature.COST_TO_SERVE)
                || needs(Feature.SERVICE_TO_MARGIN);
        boolean lift = needs(Feature.PROMO_LIFT);
        boolean margins = needs(Feature.MARGIN) || needs(Feature.SERVICE_TO_MARGIN);
        boolean ratio = needs(Feature.SERVICE_TO_MARGIN);
        if (counts || margins) {
            float[] frequency = table.column(Feature.FREQUENCY);
            float[] discountShare = table.column(Feature.DISCOUNT_SHARE);
            float[] promoLift = table.column(Feature.PROMO_LIFT);
            float[] complaints = table.column(Feature.COMPLAINTS);
            float[] referrals = table.column(Feature.REFERRALS);
            float[] costToServe = table.column(Feature.COST_TO_SERVE);
            float[] margin = table.column(Feature.MARGIN);
            float[] serviceToMargin = table.column(Feature.SERVICE_TO_MARGIN);
            WindowSums.Totals w = c.windowTotals;
            int[] k = new int[WindowRing.COUNTS];
            if (margins) {
                ring.margin(from, to, w, m.windowSums);
            }
            for (int i = from; i < to; i++) {
                if (st.status[i] != ACTIVE) {
                    continue;
                }
                int j = i - from;
                if (counts) {
                    ring.counts(i, k);
                    int purchases = k[0];
                    int discounted = k[1];
                    frequency[j] = purchases;
                    discountShare[j] = purchases == 0 ? 0f : (float) discounted / purchases;
                    if (lift) {
                        // Months before acquisition hold zeros (no purchase, no offer): they are neither kind of month.
                        int months = Math.min(s.window, t - st.acquired[i]);
                        int offered = k[2];
                        promoLift[j] = PromoLift.of(discounted, offered, purchases - discounted, months - offered);
                    }
                    complaints[j] = k[4];
                    referrals[j] = k[5];
                    costToServe[j] = (float) (k[3] * s.costPerRequest);
                }
                if (margins) {
                    double sum = w.margin[j];
                    margin[j] = (float) sum;
                    if (ratio) {
                        serviceToMargin[j] = serviceToMargin(k[3] * s.costPerRequest, sum);
                    }
                }
            }
        }
        float[] recency = table.column(Feature.RECENCY);
        float[] satisfaction = table.column(Feature.SATISFACTION);
        float[] tenure = table.column(Feature.TENURE);
        float[] valueRank = table.column(Feature.VALUE_RANK);
        for (int i = from; i < to; i++) {
            int j = i - from;
            int age = t - st.acquired[i];
            recency[j] = st.lastPurchase[i] == MarketState.NEVER ? age : t - st.lastPurchase[i];
            satisfaction[j] = s.satisfactionExact ? st.satisfaction[i] : answer(st.surveyAnswer[i]);
            tenure[j] = age;
        }
        if (needs(Feature.VALUE_RANK)) {
            for (int i = from; i < to; i++) {
                valueRank[i - from] = m.valueRank[i];
            }
        }
    }

    /** Service cost ÷ the margin earned before it; +∞ when nothing is earned before service, 0 without service. */
    static float serviceToMargin(double costToServe, double margin) {
        if (costToServe <= 0) {
            return 0f;
        }
        double before = margin + costToServe;
        return before <= 0 ? Float.POSITIVE_INFINITY : (float) (costToServe / before);
    }

    /** The satisfaction the business knows from the last survey answer; NaN (unknown) when never surveyed. */
    private static float answer(byte stored) {
        return stored == MarketState.NOT_SURVEYED ? Float.NaN : (stored & 0xFF) * (1f / MarketState.ANSWER_STEPS);
    }

    private boolean needs(Feature f) {
        return used[f.ordinal()];
    }
}
