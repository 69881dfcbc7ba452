package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Sums over one customer's window slots, written for speed: float sums as a fixed pairwise tree (independent
 * additions instead of one long dependency chain; the order is fixed, so results are deterministic), and byte
 * counts eight slots at a time in a long (SIMD within a register), with a plain loop for the remainder.
 */
final class WindowSums {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long BYTE_LANES = 0x00FF00FF00FF00FFL;
    private static final long SHORT_SUM = 0x0001000100010001L;
    private static final long NIBBLES = 0x0F0F0F0F0F0F0F0FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private WindowSums() {
    }

    /** The sum of {@code values[from .. from+n)} in double, added pairwise in a fixed order. */
    static double sum(float[] values, int from, int n) {
        if (n == 12) {
            double a = (double) values[from] + values[from + 1];
            double b = (double) values[from + 2] + values[from + 3];
            double c = (double) values[from + 4] + values[from + 5];
            double d = (double) values[from + 6] + values[from + 7];
            double e = (double) values[from + 8] + values[from + 9];
            double f = (double) values[from + 10] + values[from + 11];
            return ((a + b) + (c + d)) + (e + f);
        }
        double even = 0;
        double odd = 0;
        int k = 0;
        for (; k + 1 < n; k += 2) {
            even += values[from + k];
            odd += values[from + k + 1];
        }
        if (k < n) {
            even += values[from + k];
        }
        return even + odd;
    }

    /**
     * Every count of one customer's window in one read of each byte column ({@link WindowRing}'s layout: purchases;
     * served requests in the low 7 bits with the offered flag in the high bit; voiced complaints in the low nibble and
     * referrals in the high one), eight slots at a time: the same sums as the single-count methods.
     */
    static void counts(byte[] purchases, byte[] servedOffered, byte[] complaintsReferrals, int from, int n,
                       WindowCounts into) {
        int bought = 0, whenOffered = 0, offered = 0, served = 0, voiced = 0, referrals = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            long p = (long) LONGS.get(purchases, from + k);
            long so = (long) LONGS.get(servedOffered, from + k);
            long cr = (long) LONGS.get(complaintsReferrals, from + k);
            long flags = so & HIGH_BITS;
            bought += sumBytes(p);
            whenOffered += sumBytes(p & ((flags >>> 7) * 0xFF));
            offered += Long.bitCount(flags);
            served += sumBytes(so & ~HIGH_BITS);
            voiced += sumBytes(cr & NIBBLES);
            referrals += sumBytes((cr >>> 4) & NIBBLES);
        }
        for (; k < n; k++) {
            int p = purchases[from + k] & 0xFF;
            int so = servedOffered[from + k] & 0xFF;
            int cr = complaintsReferrals[from + k] & 0xFF;
            bought += p;
            whenOffered += (so & 0x80) != 0 ? p : 0;
            offered += so >>> 7;
            served += so & 0x7F;
            voiced += cr & 0x0F;
            referrals += cr >>> 4;
        }
        into.purchases = bought;
        into.purchasesWhenOffered = whenOffered;
        into.monthsOffered = offered;
        into.served = served;
        into.voicedComplaints = voiced;
        into.referrals = referrals;
    }

    /** The counts of one customer's window, filled by {@link #counts}. */
    static final class WindowCounts {
        int purchases;
        int purchasesWhenOffered;
        int monthsOffered;
        int served;
        int voicedComplaints;
        int referrals;
    }

    /** The sum of the eight unsigned bytes of x: pairs into 16-bit lanes, then one multiply adds the lanes. */
    private static int sumBytes(long x) {
        long pairs = (x & BYTE_LANES) + ((x >>> 8) & BYTE_LANES);
        return (int) ((pairs * SHORT_SUM) >>> 48);
    }
}
