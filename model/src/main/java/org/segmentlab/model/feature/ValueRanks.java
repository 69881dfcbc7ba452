package org.segmentlab.model.feature;

import java.util.Arrays;

/**
 * The one definition of the {@code valueRank} feature, shared by the simulator's monthly ranking and the features
 * of a real transaction log, so a customer with the same revenue among the same customers gets the same rank (and
 * segment) on either path.
 *
 * <p><b>Eligibility.</b> The customers ranked are every customer of the base not known to have left: in a
 * simulation, every active (not churned) customer; in a transaction log, which records no departures, every
 * customer whose first purchase is on or before the as-of date. A customer who bought nothing in the window is
 * ranked with revenue 0 (it is not left out).
 *
 * <p><b>Rank.</b> With n eligible customers, {@code valueRank} is the share of the <em>other</em> customers with
 * strictly lower window revenue: k / (n − 1), where k customers have lower revenue. So the lowest spender has 0,
 * the single top spender 1, and tied customers share the rank of the lowest position of their tie (ties go to the
 * minimum: when all n are equal every one has 0). A single customer has 1 (it is the top). Ranks are floats:
 * {@code k / (float) (n - 1)}.
 *
 * <p><b>Ties</b> are judged on the float revenue (the precision of the feature columns); revenue below 0 counts as
 * 0 and −0 equals 0. Revenue must not be NaN.
 *
 * <p>The monthly engine sorts a million customers with its own parallel radix sort over {@link #sortKey(float)} and
 * writes each rank with {@link #rank(int, int)}; {@link #rank(float[], int, float[])} is the same rule for a plain
 * column (a comparison sort, for logs and tests).
 */
public final class ValueRanks {

    private ValueRanks() {
    }

    /**
     * The order key of a revenue: sorting by it (as an int, ascending) sorts by revenue, and two revenues tie exactly
     * when their keys are equal. Negative revenue (and −0) becomes 0, so keys are never negative.
     */
    public static int sortKey(float revenue) {
        return Float.floatToRawIntBits(Math.max(0f, revenue) + 0f);
    }

    /**
     * The rank of a customer among {@code n} ranked customers whose run of tied revenue starts at sorted position
     * {@code tieStart} (0-based, ascending revenue): {@code tieStart / (n - 1)}, or 1 when {@code n == 1}.
     *
     * @param tieStart how many of the n customers have strictly lower revenue, 0 ≤ tieStart &lt; n
     * @param n        the number of ranked customers, ≥ 1
     */
    public static float rank(int tieStart, int n) {
        return n == 1 ? 1f : tieStart / (float) (n - 1);
    }

    /**
     * Writes the rank of each of the first {@code n} customers of {@code revenue} into {@code valueRank} (the same
     * positions), all of them eligible.
     *
     * @throws IllegalArgumentException when a revenue is NaN or the arrays are shorter than {@code n}
     */
    public static void rank(float[] revenue, int n, float[] valueRank) {
        if (n < 0 || revenue.length < n || valueRank.length < n) {
            throw new IllegalArgumentException("n = " + n + " but revenue has " + revenue.length
                    + " and valueRank " + valueRank.length + " entries");
        }
        // Key in the high word, position in the low one: one primitive sort orders by revenue (ties by position).
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(revenue[i])) {
                throw new IllegalArgumentException("revenue at " + i + " is NaN");
            }
            keyed[i] = (long) sortKey(revenue[i]) << 32 | i;
        }
        Arrays.sort(keyed);
        int tieStart = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && keyed[i] >>> 32 != keyed[i - 1] >>> 32) {
                tieStart = i;
            }
            valueRank[(int) keyed[i]] = rank(tieStart, n);
        }
    }
}
