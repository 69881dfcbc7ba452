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

    private WindowSums() {
    }

    /**
     * {@code out[j]} = the window sum of customer {@code from + j}, for j in [0, count), in double: for 12 slots
     * {@code ((s0+s1 + s2+s3) + (s4+s5 + s6+s7)) + (s8+s9 + s10+s11)}; for other lengths the even slots and the
     * odd slots are summed in order, then added. {@code scratch} holds the odd sums.
     */
    static void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch) {
        if (n == 12) {
            int s0 = from;
            int s1 = s0 + stride, s2 = s1 + stride, s3 = s2 + stride;
            for (int j = 0; j < count; j++) {
                out[j] = ((double) values[s0 + j] + values[s1 + j]) + ((double) values[s2 + j] + values[s3 + j]);
            }
            addQuad(values, from + 4 * stride, stride, count, out);
            addQuad(values, from + 8 * stride, stride, count, out);
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

    /** out[j] += (a+b) + (c+d) over the four slots starting at {@code base}. */
    private static void addQuad(float[] values, int base, int stride, int count, double[] out) {
        int a = base, b = a + stride, c = b + stride, d = c + stride;
        for (int j = 0; j < count; j++) {
            out[j] += ((double) values[a + j] + values[b + j]) + ((double) values[c + j] + values[d + j]);
        }
    }

    /**
     * Every count of the window of customers {@code from .. from+count-1} ({@link WindowRing}'s byte columns, packed
     * eight customers to a long: purchases; served requests in the low 7 bits with the offered flag in the high bit;
     * voiced complaints in the low nibble and referrals in the high one). Eight customers at a time (SIMD within a
     * register): one long per column and slot serves all eight; the slots of those eight are summed in registers, into
     * 16-bit lanes (even and odd customers apart) or byte lanes, added out every {@value #SLOTS_PER_FLUSH} slots before
     * a lane could overflow. {@code from} and {@code stride} are multiples of 8; lanes past {@code count} are computed
     * and ignored.
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
        // Eight customers' slots one after another, the sums in registers: the slots are 12 streams a column, each
        // read a long at a time, and the next eight customers take the next long of the same cache lines.
        for (int w = 0; w < words; w++) {
            for (int k0 = 0; k0 < n; k0 += SLOTS_PER_FLUSH) {
                int k1 = Math.min(n, k0 + SLOTS_PER_FLUSH);
                long boughtEven = 0, boughtOdd = 0, offeredEven = 0, offeredOdd = 0, servedEven = 0, servedOdd = 0;
                long monthsOffered = 0, voiced = 0, referred = 0;
                for (int k = k0, at = k0 * slotWords + first + w; k < k1; k++, at += slotWords) {
                    long p = purchases[at];
                    long so = servedOffered[at];
                    long cr = complaintsReferrals[at];
                    long flags = (so >>> 7) & LOW_BITS;
                    long whenOffered = p & ((flags << 8) - flags); // each flag byte 0 or 1 becomes 0x00 or 0xFF
                    long served = so & ~HIGH_BITS;
                    boughtEven += p & SHORT_LANES;
                    boughtOdd += (p >>> 8) & SHORT_LANES;
                    offeredEven += whenOffered & SHORT_LANES;
                    offeredOdd += (whenOffered >>> 8) & SHORT_LANES;
                    servedEven += served & SHORT_LANES;
                    servedOdd += (served >>> 8) & SHORT_LANES;
                    monthsOffered += flags;
                    voiced += cr & NIBBLES;
                    referred += (cr >>> 4) & NIBBLES;
                }
                int j = w * 8;
                addShortLanes(into.purchases, j, boughtEven, boughtOdd);
                addShortLanes(into.purchasesWhenOffered, j, offeredEven, offeredOdd);
                addShortLanes(into.served, j, servedEven, servedOdd);
                addByteLanes(into.monthsOffered, j, monthsOffered);
                addByteLanes(into.voicedComplaints, j, voiced);
                addByteLanes(into.referrals, j, referred);
            }
        }
    }

    /** Adds the 16-bit lanes of the even and the odd customers' sums to {@code out[j .. j+7]}. */
    private static void addShortLanes(int[] out, int j, long even, long odd) {
        for (int q = 0; q < 4; q++) {
            int shift = 16 * q;
            out[j + 2 * q] += (int) ((even >>> shift) & 0xFFFF);
            out[j + 2 * q + 1] += (int) ((odd >>> shift) & 0xFFFF);
        }
    }

    /** Adds the byte lanes of eight customers' sums to {@code out[j .. j+7]}. */
    private static void addByteLanes(int[] out, int j, long sums) {
        for (int b = 0; b < 8; b++) {
            out[j + b] += (int) ((sums >>> (8 * b)) & 0xFF);
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
