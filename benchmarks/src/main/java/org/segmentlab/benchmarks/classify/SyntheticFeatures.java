package org.segmentlab.benchmarks.classify;

import java.util.SplittableRandom;

import org.segmentlab.model.feature.Feature;
import org.segmentlab.model.feature.FeatureTable;

/**
 * A feature table of plausible customers for the benchmarks, from a fixed seed. Values are drawn so that every
 * built-in rule matches a sizeable, unpredictable share of customers (a branchy classifier would mispredict),
 * and counts and shares are quantised the way the simulator produces them (so values equal to a threshold occur).
 */
final class SyntheticFeatures {

    /** The seed of every benchmark table: runs compare like with like. */
    static final long SEED = 0x5E6_4E47L;

    private SyntheticFeatures() {
    }

    /** A table of {@code customers} customers, every column filled. */
    static FeatureTable of(int customers) {
        FeatureTable table = FeatureTable.ofSize(customers);
        SplittableRandom rng = new SplittableRandom(SEED);
        float[] recency = table.column(Feature.RECENCY);
        float[] frequency = table.column(Feature.FREQUENCY);
        float[] monetary = table.column(Feature.MONETARY);
        float[] discountShare = table.column(Feature.DISCOUNT_SHARE);
        float[] satisfaction = table.column(Feature.SATISFACTION);
        float[] complaints = table.column(Feature.COMPLAINTS);
        float[] referrals = table.column(Feature.REFERRALS);
        float[] costToServe = table.column(Feature.COST_TO_SERVE);
        float[] margin = table.column(Feature.MARGIN);
        float[] tenure = table.column(Feature.TENURE);
        float[] valueRank = table.column(Feature.VALUE_RANK);
        for (int i = 0; i < customers; i++) {
            int purchases = rng.nextInt(16);
            int discounted = purchases == 0 ? 0 : rng.nextInt(purchases + 1);
            float spend = (float) (purchases * 40.0 * Math.exp(0.8 * gaussian(rng)));
            int requests = rng.nextInt(100) < 80 ? rng.nextInt(4) : 4 + rng.nextInt(14);
            recency[i] = purchases == 0 ? 12 : rng.nextInt(12 / purchases + 1);
            frequency[i] = purchases;
            monetary[i] = spend;
            discountShare[i] = purchases == 0 ? 0f : (float) discounted / purchases;
            satisfaction[i] = (float) ((rng.nextDouble() + rng.nextDouble()) / 2);
            complaints[i] = rng.nextInt(100) < 75 ? 0 : 1 + rng.nextInt(3);
            referrals[i] = rng.nextInt(100) < 70 ? 0 : 1 + rng.nextInt(2);
            costToServe[i] = 12f * requests;
            margin[i] = 0.35f * spend - 0.15f * spend * discountShare[i] - costToServe[i];
            tenure[i] = rng.nextInt(121);
            valueRank[i] = (float) rng.nextDouble();
        }
        return table;
    }

    private static double gaussian(SplittableRandom rng) {
        // Irwin-Hall(12) − 6: close enough to a normal for a spend distribution, and cheap.
        double s = 0;
        for (int k = 0; k < 12; k++) {
            s += rng.nextDouble();
        }
        return s - 6;
    }
}
