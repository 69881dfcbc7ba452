package org.segmentlab.simulator.engine;

/**
 * Ranks active customers by trailing-window revenue once a month and derives everything that needs the order:
 * the top-20% share, the Gini coefficient, the Lorenz curve and each customer's {@code valueRank}.
 *
 * <p>Revenue is never negative, so the bit patterns of the floats sort like the values: an LSD radix sort over
 * the 32-bit patterns (3 passes of 11 bits, skipping passes where every key shares the digit) orders a million
 * customers in a few milliseconds, stably, so ties keep customer order and the result is deterministic.
 */
final class RevenueRanking {
    static final int LORENZ_POINTS = 101;
    private static final int DIGIT_BITS = 11;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;

    private int[] keys = new int[0];
    private int[] order = new int[0];
    private int[] keysTmp = new int[0];
    private int[] orderTmp = new int[0];
    private int n;

    double top20Share;
    double gini;
    final double[] lorenz = new double[LORENZ_POINTS];

    /** Sorts {@code count} customers ({@code customers[i]} with revenue {@code revenue[i]}) in ascending revenue. */
    void rank(int[] customers, float[] revenue, int count) {
        ensure(count);
        n = count;
        for (int i = 0; i < count; i++) {
            keys[i] = Float.floatToRawIntBits(Math.max(0f, revenue[i]) + 0f);
            order[i] = customers[i];
        }
        radixSort();
        summarise();
    }

    /** Customers in ascending order of revenue (valid for the first {@link #size()} entries). */
    int[] order() {
        return order;
    }

    int size() {
        return n;
    }

    /** Writes each ranked customer's percentile: the share of others with strictly lower revenue, so the top is 1. */
    void writeValueRanks(float[] valueRank) {
        if (n == 0) {
            return;
        }
        float denominator = Math.max(1, n - 1);
        int tieStart = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && keys[i] != keys[i - 1]) {
                tieStart = i;
            }
            valueRank[order[i]] = n == 1 ? 1f : tieStart / denominator;
        }
    }

    private void ensure(int count) {
        if (keys.length < count) {
            int cap = Math.max(count, keys.length + (keys.length >> 1));
            keys = new int[cap];
            order = new int[cap];
            keysTmp = new int[cap];
            orderTmp = new int[cap];
        }
    }

    /** Three stable counting passes of 11 bits (2048 buckets: the counts stay in L1); keys are non-negative. */
    private void radixSort() {
        if (n == 0) {
            return;
        }
        int[] counts = new int[1 << DIGIT_BITS];
        for (int shift = 0; shift < 32; shift += DIGIT_BITS) {
            java.util.Arrays.fill(counts, 0);
            for (int i = 0; i < n; i++) {
                counts[(keys[i] >>> shift) & DIGIT_MASK]++;
            }
            if (counts[(keys[0] >>> shift) & DIGIT_MASK] == n) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int sum = 0;
            for (int b = 0; b < counts.length; b++) {
                int c = counts[b];
                counts[b] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int b = (keys[i] >>> shift) & DIGIT_MASK;
                int to = counts[b]++;
                keysTmp[to] = keys[i];
                orderTmp[to] = order[i];
            }
            int[] t = keys;
            keys = keysTmp;
            keysTmp = t;
            t = order;
            order = orderTmp;
            orderTmp = t;
        }
    }

    private void summarise() {
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            double x = Float.intBitsToFloat(keys[i]);
            total += x;
            // Gini = sum (2i - n - 1) x_(i) / (n * total) with i counted from 1.
            weighted += (2.0 * (i + 1) - n - 1) * x;
        }
        if (n == 0 || total <= 0) {
            top20Share = Double.NaN;
            gini = Double.NaN;
            java.util.Arrays.fill(lorenz, Double.NaN);
            return;
        }
        gini = weighted / (n * total);
        int top = (int) Math.ceil(0.2 * n);
        double topSum = 0;
        for (int i = n - top; i < n; i++) {
            topSum += Float.intBitsToFloat(keys[i]);
        }
        top20Share = topSum / total;
        // Lorenz: share held by the poorest p of customers, linear between customers.
        double cumulative = 0;
        int next = 0;
        for (int p = 0; p < LORENZ_POINTS; p++) {
            double position = p / (double) (LORENZ_POINTS - 1) * n;
            int whole = (int) Math.floor(position);
            while (next < whole && next < n) {
                cumulative += Float.intBitsToFloat(keys[next]);
                next++;
            }
            double fraction = position - whole;
            double partial = whole < n ? fraction * Float.intBitsToFloat(keys[whole]) : 0;
            lorenz[p] = Math.min(1.0, (cumulative + partial) / total);
        }
    }
}
