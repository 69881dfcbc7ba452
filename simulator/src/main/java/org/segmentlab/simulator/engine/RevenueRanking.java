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
 * order. With the customers (for a budget's walk or valueRank), each key travels with its row in one long (key in
 * the high half): one array to move instead of two, a quarter less time for the ranking (issue 18).
 */
final class RevenueRanking {
    static final int LORENZ_POINTS = 101;
    private static final int DIGIT_BITS = 11;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    private static final int BUCKETS = 1 << DIGIT_BITS;

    /** The sort keys of a ranking of revenues alone. */
    private int[] keys = new int[0];
    private int[] keysTmp = new int[0];
    /** A ranking with the customers: key in the high half, row in the low half. */
    private long[] pairs = new long[0];
    private long[] pairsTmp = new long[0];
    private int n;
    /** Whether the last ranking kept the customers ({@link #pairs}) or sorted revenues alone ({@link #keys}). */
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
        ordered = true;
        ensure(count);
        n = count;
        for (int i = 0; i < count; i++) {
            pairs[i] = pair(ValueRanks.sortKey(revenue[i]), customers[i]);
        }
        radixSort(null);
        summarise();
    }

    private static long pair(int key, int row) {
        return (long) key << 32 | (row & 0xFFFF_FFFFL);
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
        ordered = withOrder;
        ensure(count);
        n = count;
        PoolBlocks.forEach(pool, gatherBlocks, b -> {
            int to = blockCount[b];
            for (int i = b * Chunks.RANKING, end = Math.min(size, (b + 1) * Chunks.RANKING); i < end; i++) {
                if (status[i] == CustomerStatus.ACTIVE) {
                    if (withOrder) {
                        pairs[to++] = pair(ValueRanks.sortKey(revenue[i]), i);
                    } else {
                        keys[to++] = ValueRanks.sortKey(revenue[i]);
                    }
                }
            }
        });
        radixSort(pool);
        summarise();
    }

    /** Fails unless the last ranking kept the customers: {@link #row} has nothing to say after a ranking of revenues alone. */
    void requireOrder() {
        if (!ordered) {
            throw new IllegalStateException("the last ranking sorted revenues alone, without the customers");
        }
    }

    /** The customer (row) in place k of the ascending order, k &lt; {@link #size()}; see {@link #requireOrder}. */
    int row(int k) {
        return (int) pairs[k];
    }

    /** The sort key in place k of the ascending order. */
    private int key(int k) {
        return ordered ? (int) (pairs[k] >>> 32) : keys[k];
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
        requireOrder();
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
                if (i == 0 || key(i) != key(i - 1)) {
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
            blockCount[b] = start == 0 || key(start) != key(start - 1) ? start : carry;
            if (lastStart >= 0) {
                carry = lastStart;
            }
        }
        PoolBlocks.forEach(pool, blocks, b -> {
            int tieStart = blockCount[b];
            for (int i = b * Chunks.RANKING, to = Math.min(n, (b + 1) * Chunks.RANKING); i < to; i++) {
                if (i > 0 && key(i) != key(i - 1)) {
                    tieStart = i;
                }
                valueRank[row(i)] = ValueRanks.rank(tieStart, n);
            }
        });
    }

    /** Room for {@code count} entries in the arrays this ranking sorts ({@link #ordered} chooses them). */
    private void ensure(int count) {
        if (ordered && pairs.length < count) {
            int cap = Math.max(count, pairs.length + (pairs.length >> 1));
            pairs = new long[cap];
            pairsTmp = new long[cap];
        } else if (!ordered && keys.length < count) {
            int cap = Math.max(count, keys.length + (keys.length >> 1));
            keys = new int[cap];
            keysTmp = new int[cap];
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
            PoolBlocks.forEach(pool, blocks, b -> count(b, sh));
            if (!toOffsets(blocks, (key(0) >>> shift) & DIGIT_MASK)) {
                continue; // every key has the same digit here: the pass would not move anything
            }
            PoolBlocks.forEach(pool, blocks, b -> scatter(b, sh));
            if (ordered) {
                long[] t = pairs;
                pairs = pairsTmp;
                pairsTmp = t;
            } else {
                int[] t = keys;
                keys = keysTmp;
                keysTmp = t;
            }
        }
    }

    /** Block b's digit counts for the pass at {@code shift}. */
    private void count(int b, int shift) {
        int[] h = histograms;
        int base = b * BUCKETS;
        java.util.Arrays.fill(h, base, base + BUCKETS, 0);
        int to = Math.min(n, (b + 1) * Chunks.RANKING);
        if (ordered) {
            long[] from = pairs;
            for (int i = b * Chunks.RANKING; i < to; i++) {
                h[base + ((int) (from[i] >>> 32 + shift) & DIGIT_MASK)]++;
            }
        } else {
            int[] from = keys;
            for (int i = b * Chunks.RANKING; i < to; i++) {
                h[base + ((from[i] >>> shift) & DIGIT_MASK)]++;
            }
        }
    }

    /**
     * Turns the blocks' counts into scatter offsets (bucket-major, then block), or says false when every key has the
     * digit {@code first}: the pass is skipped.
     */
    private boolean toOffsets(int blocks, int first) {
        int sameDigit = 0;
        for (int b = 0; b < blocks; b++) {
            sameDigit += histograms[b * BUCKETS + first];
        }
        if (sameDigit == n) {
            return false;
        }
        int sum = 0;
        for (int d = 0; d < BUCKETS; d++) {
            for (int b = 0; b < blocks; b++) {
                int c = histograms[b * BUCKETS + d];
                histograms[b * BUCKETS + d] = sum;
                sum += c;
            }
        }
        return true;
    }

    /** Block b's entries to their slots for the pass at {@code shift}. */
    private void scatter(int b, int shift) {
        int[] h = histograms;
        int base = b * BUCKETS;
        int to = Math.min(n, (b + 1) * Chunks.RANKING);
        if (ordered) {
            long[] from = pairs;
            long[] into = pairsTmp;
            for (int i = b * Chunks.RANKING; i < to; i++) {
                long p = from[i];
                into[h[base + ((int) (p >>> 32 + shift) & DIGIT_MASK)]++] = p;
            }
        } else {
            int[] from = keys;
            int[] into = keysTmp;
            for (int i = b * Chunks.RANKING; i < to; i++) {
                int k = from[i];
                into[h[base + ((k >>> shift) & DIGIT_MASK)]++] = k;
            }
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
                double x = Float.intBitsToFloat(key(i));
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
            double partial = whole < n ? fraction * Float.intBitsToFloat(key(whole)) : 0;
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
