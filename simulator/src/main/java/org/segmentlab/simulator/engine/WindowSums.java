package org.segmentlab.simulator.engine;

/**
 * Sums over the window slots of a run of consecutive customers, in {@link WindowRing}'s slot-major layout (slot k of
 * customer i at {@code k·stride + i}; the byte columns packed eight customers to a long). Each kernel walks a few
 * contiguous columns over the customers instead of one customer's scattered slots. Float sums follow a fixed pairwise tree per customer
 * (independent additions, in an order that never depends on the layout or the chunking): results are deterministic.
 */
final class WindowSums {
    /** The low byte of each 16-bit lane. */
    private static final long SHORT_LANES = 0x00FF00FF00FF00FFL;
    private static final long LOW_BITS = 0x0101010101010101L;
    private static final long NIBBLES = 0x0F0F0F0F0F0F0F0FL;
    private static final long HIGH_BITS = 0x8080808080808080L;
    /** Slots summed in the lanes before they are added out: 16 × 15 fits a byte lane, 16 × 255 a 16-bit one. */
    private static final int SLOTS_PER_FLUSH = 16;
    /** Longs (eight customers each) summed together; the lane sums of a block take 9 × 64 longs. */
    private static final int BLOCK_WORDS = 64;
    private static final int LANE_SUMS = 9;
    /** The window whose float sums follow a fixed tree (the default 12 months). */
    static final int TREE_SLOTS = 12;

    private WindowSums() {
    }

    /**
     * {@code out[j]} = the window sum of customer {@code from + j}, for j in [0, count), in double: for 12 slots
     * {@code ((s0+s1 + s2+s3) + (s4+s5 + s6+s7)) + (s8+s9 + s10+s11)}; for other lengths the even slots and the
     * odd slots are summed in order, then added. {@code scratch} holds the odd sums. The scalar definition of
     * {@link WindowSumsKernel}.
     */
    static void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch) {
        if (n == TREE_SLOTS) {
            sumTree(values, stride, from, 0, count, out);
            return;
        }
        java.util.Arrays.fill(out, 0, count, 0.0);
        java.util.Arrays.fill(scratch, 0, count, 0.0);
        int k = 0;
        for (; k + 1 < n; k += 2) {
            int even = k * stride + from;
            int odd = even + stride;
            for (int j = 0; j < count; j++) {
                out[j] += values[even + j];
                scratch[j] += values[odd + j];
            }
        }
        if (k < n) {
            int even = k * stride + from;
            for (int j = 0; j < count; j++) {
                out[j] += values[even + j];
            }
        }
        for (int j = 0; j < count; j++) {
            out[j] += scratch[j];
        }
    }

    /** The 12-slot tree of {@link #sums} for customers {@code from + j0 .. from + count - 1}: the scalar loop, and the vector kernel's tail. */
    static void sumTree(float[] values, int stride, int from, int j0, int count, double[] out) {
        int s0 = from;
        int s1 = s0 + stride, s2 = s1 + stride, s3 = s2 + stride;
        for (int j = j0; j < count; j++) {
            out[j] = ((double) values[s0 + j] + values[s1 + j]) + ((double) values[s2 + j] + values[s3 + j]);
        }
        addQuad(values, from + 4 * stride, stride, j0, count, out);
        addQuad(values, from + 8 * stride, stride, j0, count, out);
    }

    /** out[j] += (a+b) + (c+d) over the four slots starting at {@code base}. */
    private static void addQuad(float[] values, int base, int stride, int j0, int count, double[] out) {
        int a = base, b = a + stride, c = b + stride, d = c + stride;
        for (int j = j0; j < count; j++) {
            out[j] += ((double) values[a + j] + values[b + j]) + ((double) values[c + j] + values[d + j]);
        }
    }

    /**
     * Every count of the window of customers {@code from .. from+count-1} ({@link WindowRing}'s byte columns, packed
     * eight customers to a long: purchases; served requests in the low 7 bits with the offered flag in the high bit;
     * voiced complaints in the low nibble and referrals in the high one). Eight customers at a time (SIMD within a
     * register): one long per column and slot serves all eight; sums go into 16-bit lanes (even and odd customers
     * apart) or byte lanes, flushed every {@value #SLOTS_PER_FLUSH} slots before a lane could overflow. {@code from}
     * and {@code stride} are multiples of 8; lanes past {@code count} are computed and ignored.
     */
    static void counts(long[] purchases, long[] servedOffered, long[] complaintsReferrals, int stride, int from, int count,
                       int n, WindowCounts into) {
        int words = (count + 7) >>> 3;
        int lanes = words * 8;
        java.util.Arrays.fill(into.purchases, 0, lanes, 0);
        java.util.Arrays.fill(into.purchasesWhenOffered, 0, lanes, 0);
        java.util.Arrays.fill(into.monthsOffered, 0, lanes, 0);
        java.util.Arrays.fill(into.served, 0, lanes, 0);
        java.util.Arrays.fill(into.voicedComplaints, 0, lanes, 0);
        java.util.Arrays.fill(into.referrals, 0, lanes, 0);
        int slotWords = stride >>> 3;
        int first = from >>> 3;
        long[][] acc = into.lanes;
        long[] be = acc[0], bo = acc[1], oe = acc[2], oo = acc[3], se = acc[4], so2 = acc[5], mo = acc[6], vo = acc[7], re = acc[8];
        // Blocks of BLOCK_WORDS longs: slot by slot over the block (three contiguous streams at a time), the lane sums
        // of the block staying in L1.
        for (int w0 = 0; w0 < words; w0 += BLOCK_WORDS) {
            int block = Math.min(BLOCK_WORDS, words - w0);
            for (int k0 = 0; k0 < n; k0 += SLOTS_PER_FLUSH) {
                int k1 = Math.min(n, k0 + SLOTS_PER_FLUSH);
                for (long[] a : acc) {
                    java.util.Arrays.fill(a, 0L);
                }
                for (int k = k0; k < k1; k++) {
                    int base = k * slotWords + first + w0;
                    for (int w = 0; w < block; w++) {
                        long p = purchases[base + w];
                        long so = servedOffered[base + w];
                        long cr = complaintsReferrals[base + w];
                        long flags = (so >>> 7) & LOW_BITS;
                        long whenOffered = p & ((flags << 8) - flags); // each flag byte 0 or 1 becomes 0x00 or 0xFF
                        long served = so & ~HIGH_BITS;
                        be[w] += p & SHORT_LANES;
                        bo[w] += (p >>> 8) & SHORT_LANES;
                        oe[w] += whenOffered & SHORT_LANES;
                        oo[w] += (whenOffered >>> 8) & SHORT_LANES;
                        se[w] += served & SHORT_LANES;
                        so2[w] += (served >>> 8) & SHORT_LANES;
                        mo[w] += flags;
                        vo[w] += cr & NIBBLES;
                        re[w] += (cr >>> 4) & NIBBLES;
                    }
                }
                for (int w = 0; w < block; w++) {
                    int j = (w0 + w) * 8;
                    for (int q = 0; q < 4; q++) {
                        int even = j + 2 * q;
                        int shift = 16 * q;
                        into.purchases[even] += (int) ((be[w] >>> shift) & 0xFFFF);
                        into.purchases[even + 1] += (int) ((bo[w] >>> shift) & 0xFFFF);
                        into.purchasesWhenOffered[even] += (int) ((oe[w] >>> shift) & 0xFFFF);
                        into.purchasesWhenOffered[even + 1] += (int) ((oo[w] >>> shift) & 0xFFFF);
                        into.served[even] += (int) ((se[w] >>> shift) & 0xFFFF);
                        into.served[even + 1] += (int) ((so2[w] >>> shift) & 0xFFFF);
                    }
                    for (int b = 0; b < 8; b++) {
                        int shift = 8 * b;
                        into.monthsOffered[j + b] += (int) ((mo[w] >>> shift) & 0xFF);
                        into.voicedComplaints[j + b] += (int) ((vo[w] >>> shift) & 0xFF);
                        into.referrals[j + b] += (int) ((re[w] >>> shift) & 0xFF);
                    }
                }
            }
        }
    }

    /** The window counts of a run of customers (index j = customer − first), filled by {@link #counts}. */
    static final class WindowCounts {
        final int[] purchases;
        final int[] purchasesWhenOffered;
        final int[] monthsOffered;
        final int[] served;
        final int[] voicedComplaints;
        final int[] referrals;
        /** Window sums of revenue and margin, and the scratch their kernel needs. */
        final double[] revenue;
        final double[] margin;
        final double[] scratch;
        /** The lane sums of {@link #counts}. */
        final long[][] lanes = new long[LANE_SUMS][BLOCK_WORDS];

        WindowCounts(int size) {
            purchases = new int[size];
            purchasesWhenOffered = new int[size];
            monthsOffered = new int[size];
            served = new int[size];
            voicedComplaints = new int[size];
            referrals = new int[size];
            revenue = new double[size];
            margin = new double[size];
            scratch = new double[size];
        }
    }
}
