package org.segmentlab.simulator.engine;

/**
 * Sums over the window slots of a run of consecutive customers, in {@link WindowRing}'s slot-major layout (slot k of
 * customer i at {@code k·stride + i}; the byte columns packed eight customers to a long). Each kernel walks a few
 * contiguous columns over the customers instead of one customer's scattered slots. Float sums follow a fixed pairwise tree per customer
 * (independent additions, in an order that never depends on the layout or the chunking): results are deterministic.
 */
final class WindowSums {
    /** The low byte of each 16-bit lane. */
    static final long SHORT_LANES = 0x00FF00FF00FF00FFL;
    static final long LOW_BITS = 0x0101010101010101L;
    static final long NIBBLES = 0x0F0F0F0F0F0F0F0FL;
    static final long HIGH_BITS = 0x8080808080808080L;
    /** Slots a byte lane sums before it is widened: 16 × 15 (voiced complaints, referrals) fits a byte. */
    static final int BYTE_LANE_SLOTS = 16;
    /** The window whose float sums follow a fixed tree (the default 12 months). */
    static final int TREE_SLOTS = 12;
    /** The longest window a 16-bit lane holds: 257 × 255 purchases = 65 535. */
    static final int LANE_SLOTS = 257;

    private WindowSums() {
    }

    /**
     * {@code out[j]} = the window sum of customer {@code from + j}, for j in [0, count), in double: for 12 slots
     * {@code ((s0+s1 + s2+s3) + (s4+s5 + s6+s7)) + (s8+s9 + s10+s11)}; for other lengths the even slots and the
     * odd slots are summed in order, then added. {@code scratch} holds the odd sums.
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
     * voiced complaints in the low nibble and referrals in the high one), as {@link WindowCounts.Lanes}. Eight
     * customers at a time (SIMD within a register): one long per column and slot serves all eight, and their sums stay
     * in registers, in 16-bit lanes (even and odd customers apart), which are the result: nothing is unpacked here.
     * Windows longer than {@value #LANE_SLOTS} months would overflow a lane and are counted one int per customer.
     * {@code from} and {@code stride} are multiples of 8; lanes past {@code count} are computed and ignored. The
     * scalar definition of {@link WindowKernel}.
     */
    static void counts(long[] purchases, long[] servedOffered, long[] complaintsReferrals, int stride, int from, int count,
                       int n, WindowCounts into) {
        if (n > LANE_SLOTS) {
            countsWide(purchases, servedOffered, complaintsReferrals, stride, from, count, n, into);
            return;
        }
        into.packed();
        countWords(purchases, servedOffered, complaintsReferrals, stride >>> 3, from >>> 3, 0, (count + 7) >>> 3, n, into);
    }

    /**
     * Words {@code w0 .. w1-1} of {@link #counts} (customers 8·w0 on, from the run's first word {@code first}): the
     * scalar loop, and the vector kernel's tail.
     */
    static void countWords(long[] purchases, long[] servedOffered, long[] complaintsReferrals, int slotWords, int first,
                           int w0, int w1, int n, WindowCounts into) {
        for (int w = w0; w < w1; w++) {
            long boughtEven = 0, boughtOdd = 0, whenOfferedEven = 0, whenOfferedOdd = 0, servedEven = 0, servedOdd = 0;
            long offeredEven = 0, offeredOdd = 0, voicedEven = 0, voicedOdd = 0, referredEven = 0, referredOdd = 0;
            for (int k0 = 0; k0 < n; k0 += BYTE_LANE_SLOTS) {
                int k1 = Math.min(n, k0 + BYTE_LANE_SLOTS);
                long offered = 0, voiced = 0, referred = 0; // byte lanes, widened below before they could overflow
                for (int k = k0, at = k0 * slotWords + first + w; k < k1; k++, at += slotWords) {
                    long p = purchases[at];
                    long so = servedOffered[at];
                    long cr = complaintsReferrals[at];
                    long flags = (so >>> 7) & LOW_BITS;
                    long whenOffered = p & ((flags << 8) - flags); // each flag byte 0 or 1 becomes 0x00 or 0xFF
                    long served = so & ~HIGH_BITS;
                    boughtEven += p & SHORT_LANES;
                    boughtOdd += (p >>> 8) & SHORT_LANES;
                    whenOfferedEven += whenOffered & SHORT_LANES;
                    whenOfferedOdd += (whenOffered >>> 8) & SHORT_LANES;
                    servedEven += served & SHORT_LANES;
                    servedOdd += (served >>> 8) & SHORT_LANES;
                    offered += flags;
                    voiced += cr & NIBBLES;
                    referred += (cr >>> 4) & NIBBLES;
                }
                offeredEven += offered & SHORT_LANES;
                offeredOdd += (offered >>> 8) & SHORT_LANES;
                voicedEven += voiced & SHORT_LANES;
                voicedOdd += (voiced >>> 8) & SHORT_LANES;
                referredEven += referred & SHORT_LANES;
                referredOdd += (referred >>> 8) & SHORT_LANES;
            }
            into.purchases.set(w, boughtEven, boughtOdd);
            into.purchasesWhenOffered.set(w, whenOfferedEven, whenOfferedOdd);
            into.served.set(w, servedEven, servedOdd);
            into.monthsOffered.set(w, offeredEven, offeredOdd);
            into.voicedComplaints.set(w, voicedEven, voicedOdd);
            into.referrals.set(w, referredEven, referredOdd);
        }
    }

    /** {@link #counts} of a window too long for 16-bit lanes: customer by customer, slot by slot, into ints. */
    private static void countsWide(long[] purchases, long[] servedOffered, long[] complaintsReferrals, int stride, int from,
                                   int count, int n, WindowCounts into) {
        into.wide();
        for (int j = 0; j < count; j++) {
            int bought = 0, whenOffered = 0, offered = 0, served = 0, voiced = 0, referred = 0;
            for (int k = 0; k < n; k++) {
                int slot = k * stride + from + j;
                int p = byteAt(purchases, slot);
                int so = byteAt(servedOffered, slot);
                int cr = byteAt(complaintsReferrals, slot);
                boolean flag = (so & 0x80) != 0;
                bought += p;
                whenOffered += flag ? p : 0;
                offered += flag ? 1 : 0;
                served += so & 0x7F;
                voiced += cr & 0x0F;
                referred += cr >>> 4;
            }
            into.purchases.wide[j] = bought;
            into.purchasesWhenOffered.wide[j] = whenOffered;
            into.monthsOffered.wide[j] = offered;
            into.served.wide[j] = served;
            into.voicedComplaints.wide[j] = voiced;
            into.referrals.wide[j] = referred;
        }
    }

    /** Byte {@code slot} of a packed column (little-endian within each long). */
    private static int byteAt(long[] column, int slot) {
        return (int) (column[slot >>> 3] >>> ((slot & 7) << 3)) & 0xFF;
    }

    /** The window counts of a run of customers (index j = customer − first), filled by {@link #counts}. */
    static final class WindowCounts {
        final Lanes purchases;
        final Lanes purchasesWhenOffered;
        final Lanes monthsOffered;
        final Lanes served;
        final Lanes voicedComplaints;
        final Lanes referrals;
        /** Window sums of revenue and margin, and the scratch their kernel needs. */
        final double[] revenue;
        final double[] margin;
        final double[] scratch;
        private final Lanes[] all;

        WindowCounts(int size) {
            purchases = new Lanes(size);
            purchasesWhenOffered = new Lanes(size);
            monthsOffered = new Lanes(size);
            served = new Lanes(size);
            voicedComplaints = new Lanes(size);
            referrals = new Lanes(size);
            revenue = new double[size];
            margin = new double[size];
            scratch = new double[size];
            all = new Lanes[] {purchases, purchasesWhenOffered, monthsOffered, served, voicedComplaints, referrals};
        }

        /** The counts are about to be written in 16-bit lanes. */
        void packed() {
            for (Lanes l : all) {
                l.isWide = false;
            }
        }

        /** The counts are about to be written one int each. */
        private void wide() {
            for (Lanes l : all) {
                l.isWide = true;
            }
        }

        /**
         * One count of a run of customers as {@link #counts} leaves it: customer j's in 16-bit lane (j mod 8) / 2 of
         * {@code even[j / 8]} or {@code odd[j / 8]}, or, for windows longer than {@value #LANE_SLOTS} months, in
         * {@code wide[j]}.
         */
        static final class Lanes {
            final long[] even;
            final long[] odd;
            final int[] wide;
            private boolean isWide;

            Lanes(int size) {
                even = new long[(size + 7) >>> 3];
                odd = new long[(size + 7) >>> 3];
                wide = new int[size];
            }

            /** Customer j's count. */
            int of(int j) {
                if (isWide) {
                    return wide[j];
                }
                long word = (j & 1) == 0 ? even[j >>> 3] : odd[j >>> 3];
                return (int) (word >>> ((j & 6) << 3)) & 0xFFFF;
            }

            private void set(int w, long evenLanes, long oddLanes) {
                even[w] = evenLanes;
                odd[w] = oddLanes;
            }
        }
    }
}
