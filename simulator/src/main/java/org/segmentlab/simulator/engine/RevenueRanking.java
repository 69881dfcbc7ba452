package org.segmentlab.simulator.engine;

import java.util.concurrent.ForkJoinPool;

import org.segmentlab.model.Chunks;
import org.segmentlab.model.feature.ValueRanks;

/**
 * Ranks active customers by trailing-window revenue once a month and derives everything that needs the order:
 * the top-20% share, the Gini coefficient, the Lorenz curve and each customer's {@code valueRank}.
 *
 * <p>Revenue is never negative, so the bit patterns of the floats sort like the values: an LSD radix sort over
 * the 32-bit patterns ({@link ValueRanks#sortKey(float)}: 3 passes of 11 bits, skipping passes where every key
 * shares the digit) orders a million customers in a few milliseconds, stably, so ties keep customer order and the
 * result is deterministic. The passes run on the engine's pool in fixed blocks and produce exactly the sequential
 * order.
 */
final class RevenueRanking {
    static final int LORENZ_POINTS = 101;
    private static final int DIGIT_BITS = 11;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    private int[] keys = new int[0];
    private int[] order = new int[0];
    private int[] keysTmp = new int[0];
    private int[] orderTmp = new int[0];
    private int n;
    /** Whether {@link #order} holds the customers of the last ranking (a ranking of revenues alone leaves it stale). */
    private boolean ordered;
    /** Per block: active rows, then gather offsets; in writeValueRanks, run starts. */
    private int[] blockCount = new int[0];
    /** Per block and digit: counts, then scatter offsets (block-major, BUCKETS per block). */
    private int[] histograms = new int[0];

    double top20Share;
    double gini;
    final double[] lorenz = new double[LORENZ_POINTS];

    /** Sorts {@code count} customers ({@code customers[i]} with revenue {@code revenue[i]}) in ascending revenue. */
    void rank(int[] customers, float[] revenue, int count) {
        ensure(count);
        n = count;
        for (int i = 0; i < count; i++) {
            keys[i] = ValueRanks.sortKey(revenue[i]);
            order[i] = customers[i];
        }
        ordered = true;
        radixSort(null);
        summarise();
    }

    /**
     * Ranks the {@code ACTIVE} rows among {@code 0 .. size-1} by {@code revenue[i]}, ascending. The rows are gathered
     * and sorted in fixed blocks on {@code pool} (sequentially when it is null); the result is the one stable order
     * of the sequential sort whatever the thread count: ties keep row order. Without {@code withOrder} only the
     * revenues are sorted (a third less to move): the Pareto figures are the same, {@link #order()} is not available.
     */
    void rank(byte[] status, float[] revenue, int size, ForkJoinPool pool, boolean withOrder) {
        // Gather in parallel: count each block's active rows, then each block writes from its prefix offset, so
        // the gathered rows are in row order exactly as a sequential scan would leave them.
        int gatherBlocks = blocks(size);
        ensureBlocks(gatherBlocks);
        int count = PoolBlocks.keptOffsets(pool, size, i -> status[i] == CustomerStatus.ACTIVE, blockCount);
        ensure(count);
        n = count;
        ordered = withOrder;
        PoolBlocks.forEach(pool, gatherBlocks, b -> {
            int to = blockCount[b];
            for (int i = b * Chunks.RANKING, end = Math.min(size, (b + 1) * Chunks.RANKING); i < end; i++) {
                if (status[i] == CustomerStatus.ACTIVE) {
                    keys[to] = ValueRanks.sortKey(revenue[i]);
                    if (withOrder) {
                        order[to] = i;
                    }
                    to++;
                }
            }
        });
        radixSort(pool);
        summarise();
    }

    /** Customers in ascending order of revenue (valid for the first {@link #size()} entries). */
    int[] order() {
        if (!ordered) {
            throw new IllegalStateException("the last ranking sorted revenues alone, without the customers");
        }
        return order;
    }

    int size() {
        return n;
    }

    /** Writes each ranked customer's percentile (see {@link #writeValueRanks(float[], ForkJoinPool)}), sequentially. */
    void writeValueRanks(float[] valueRank) {
        writeValueRanks(valueRank, null);
    }

    /**
     * Writes each ranked customer's {@code valueRank} by the one rule of {@link ValueRanks} (ties to the minimum,
     * every ranked customer eligible): the share of others with strictly lower revenue, so the top is 1.
     * In parallel blocks: each block first needs the start of the run of equal keys its first entry belongs to,
     * found from the last run start of the blocks before it (a short sequential pass over the blocks).
     */
    void writeValueRanks(float[] valueRank, ForkJoinPool pool) {
        int[] order = order();
        if (n == 0) {
            return;
        }
        int blocks = blocks(n);
        ensureBlocks(blocks);
        // blockCount[b] := the last index in block b where a run of equal keys starts, or -1 if none does.
        PoolBlocks.forEach(pool, blocks, b -> {
            int start = b * Chunks.RANKING;
            int last = -1;
            for (int i = Math.min(n, start + Chunks.RANKING) - 1; i >= start; i--) {
                if (i == 0 || keys[i] != keys[i - 1]) {
                    last = i;
                    break;
                }
            }
            blockCount[b] = last;
        });
        // Then blockCount[b] := the run start of block b's first entry.
        int carry = 0;
        for (int b = 0; b < blocks; b++) {
            int start = b * Chunks.RANKING;
            int lastStart = blockCount[b];
            blockCount[b] = start == 0 || keys[start] != keys[start - 1] ? start : carry;
            if (lastStart >= 0) {
                carry = lastStart;
            }
        }
        PoolBlocks.forEach(pool, blocks, b -> {
            int tieStart = blockCount[b];
            for (int i = b * Chunks.RANKING, to = Math.min(n, (b + 1) * Chunks.RANKING); i < to; i++) {
                if (i > 0 && keys[i] != keys[i - 1]) {
                    tieStart = i;
                }
                valueRank[order[i]] = ValueRanks.rank(tieStart, n);
            }
        });
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

    /**
     * Three stable counting passes of 11 bits (2048 buckets: the counts stay in L1); keys are non-negative. Each pass
     * counts digits per fixed block in parallel, then gives block k of bucket d the slots after every smaller bucket
     * and after bucket d's keys in blocks before k, so the parallel scatter writes exactly the sequential stable order.
     */
    private void radixSort(ForkJoinPool pool) {
        if (n == 0) {
            return;
        }
        int blocks = blocks(n);
        ensureBlocks(blocks);
        for (int shift = 0; shift < 32; shift += DIGIT_BITS) {
            final int sh = shift;
            final int[] from = keys;
            PoolBlocks.forEach(pool, blocks, b -> {
                int[] h = histograms;
                int base = b * BUCKETS;
                java.util.Arrays.fill(h, base, base + BUCKETS, 0);
                for (int i = b * Chunks.RANKING, to = Math.min(n, (b + 1) * Chunks.RANKING); i < to; i++) {
                    h[base + ((from[i] >>> sh) & DIGIT_MASK)]++;
                }
            });
            int first = (keys[0] >>> shift) & DIGIT_MASK;
            int sameDigit = 0;
            for (int b = 0; b < blocks; b++) {
                sameDigit += histograms[b * BUCKETS + first];
            }
            if (sameDigit == n) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            int sum = 0;
            for (int d = 0; d < BUCKETS; d++) {
                for (int b = 0; b < blocks; b++) {
                    int c = histograms[b * BUCKETS + d];
                    histograms[b * BUCKETS + d] = sum;
                    sum += c;
                }
            }
            final int[] fromOrder = order;
            final int[] toKeys = keysTmp;
            final int[] toOrder = orderTmp;
            final boolean withOrder = ordered;
            PoolBlocks.forEach(pool, blocks, b -> {
                int[] h = histograms;
                int base = b * BUCKETS;
                int to = Math.min(n, (b + 1) * Chunks.RANKING);
                if (withOrder) {
                    for (int i = b * Chunks.RANKING; i < to; i++) {
                        int k = from[i];
                        int slot = h[base + ((k >>> sh) & DIGIT_MASK)]++;
                        toKeys[slot] = k;
                        toOrder[slot] = fromOrder[i];
                    }
                } else {
                    for (int i = b * Chunks.RANKING; i < to; i++) {
                        int k = from[i];
                        toKeys[h[base + ((k >>> sh) & DIGIT_MASK)]++] = k;
                    }
                }
            });
            int[] t = keys;
            keys = keysTmp;
            keysTmp = t;
            t = order;
            order = orderTmp;
            orderTmp = t;
        }
    }

    private static int blocks(int count) {
        return PoolBlocks.blocksOf(count);
    }

    private void ensureBlocks(int blocks) {
        if (blockCount.length < blocks) {
            blockCount = new int[blocks];
            histograms = new int[blocks * BUCKETS];
        }
    }

    /**
     * One pass over the sorted keys: the total, the Gini sum, the top fifth's sum and the Lorenz curve's prefix sums. The
     * passes this replaces each added the keys in ascending order from zero, as this one does: the same sums, bit for
     * bit. The ranking's summary is the one serial part of the month's ranking, so its one pass keeps three independent
     * sums in flight instead of three passes of one.
     */
    private void summarise() {
        double total = 0;
        double weighted = 0;
        double topSum = 0;
        int top = (int) Math.ceil(0.2 * n);
        int topFrom = n - top;
        int i = 0;
        for (int p = 0; p < LORENZ_POINTS; p++) {
            for (int to = lorenzWhole(p); i < to; i++) {
                double x = Float.intBitsToFloat(keys[i]);
                total += x;
                // Gini = sum (2i - n - 1) x_(i) / (n * total) with i counted from 1.
                weighted += (2.0 * (i + 1) - n - 1) * x;
                if (i >= topFrom) {
                    topSum += x;
                }
            }
            lorenz[p] = total; // the share held by customers below the point's whole part, divided below
        }
        if (n == 0 || total <= 0) {
            top20Share = Double.NaN;
            gini = Double.NaN;
            java.util.Arrays.fill(lorenz, Double.NaN);
            return;
        }
        gini = weighted / (n * total);
        top20Share = topSum / total;
        // Lorenz: share held by the poorest p of customers, linear between customers.
        for (int p = 0; p < LORENZ_POINTS; p++) {
            double position = lorenzPosition(p);
            int whole = (int) Math.floor(position);
            double fraction = position - whole;
            double partial = whole < n ? fraction * Float.intBitsToFloat(keys[whole]) : 0;
            lorenz[p] = Math.min(1.0, (lorenz[p] + partial) / total);
        }
    }

    /** Where Lorenz point p falls among the n ranked customers (p = 0 … 100 → 0 … n). */
    private double lorenzPosition(int p) {
        return p / (double) (LORENZ_POINTS - 1) * n;
    }

    /** How many customers lie wholly below Lorenz point p (at most n). */
    private int lorenzWhole(int p) {
        return Math.min(n, (int) Math.floor(lorenzPosition(p)));
    }
}
