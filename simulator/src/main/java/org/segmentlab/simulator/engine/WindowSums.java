package org.segmentlab.simulator.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Sums over the window slots of a run of consecutive customers, in {@link WindowRing}'s slot-major layout (slot k of
 * customer i at {@code k·stride + i}). Each kernel walks one slot at a time over the customers, so every inner loop
 * reads a few contiguous columns and the JIT can vectorise it. Float sums follow a fixed pairwise tree per customer
 * (independent additions, in an order that never depends on the layout or the chunking): results are deterministic.
 */
final class WindowSums {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
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
     * Every count of the window of customers {@code from .. from+count-1} ({@link WindowRing}'s byte columns:
     * purchases; served requests in the low 7 bits with the offered flag in the high bit; voiced complaints in the
     * low nibble and referrals in the high one). Eight customers at a time in a long (SIMD within a register): the
     * slot-major layout puts their bytes side by side, so one read per column and slot serves all eight; sums go into
     * 16-bit lanes (even and odd customers apart) or byte lanes, flushed every {@value #SLOTS_PER_FLUSH} slots before
     * a lane could overflow.
     */
    static void counts(byte[] purchases, byte[] servedOffered, byte[] complaintsReferrals, int stride, int from, int count,
                       int n, WindowCounts into) {
        java.util.Arrays.fill(into.purchases, 0, count, 0);
        java.util.Arrays.fill(into.purchasesWhenOffered, 0, count, 0);
        java.util.Arrays.fill(into.monthsOffered, 0, count, 0);
        java.util.Arrays.fill(into.served, 0, count, 0);
        java.util.Arrays.fill(into.voicedComplaints, 0, count, 0);
        java.util.Arrays.fill(into.referrals, 0, count, 0);
        int whole = count & ~7;
        for (int k0 = 0; k0 < n; k0 += SLOTS_PER_FLUSH) {
            int k1 = Math.min(n, k0 + SLOTS_PER_FLUSH);
            for (int j = 0; j < whole; j += 8) {
                long boughtEven = 0, boughtOdd = 0, offeredEven = 0, offeredOdd = 0, servedEven = 0, servedOdd = 0;
                long months = 0, voiced = 0, referrals = 0;
                for (int k = k0; k < k1; k++) {
                    int at = k * stride + from + j;
                    long p = (long) LONGS.get(purchases, at);
                    long so = (long) LONGS.get(servedOffered, at);
                    long cr = (long) LONGS.get(complaintsReferrals, at);
                    long flags = (so >>> 7) & LOW_BITS;
                    long whenOffered = p & (flags * 0xFF);
                    long served = so & ~HIGH_BITS;
                    boughtEven += p & SHORT_LANES;
                    boughtOdd += (p >>> 8) & SHORT_LANES;
                    offeredEven += whenOffered & SHORT_LANES;
                    offeredOdd += (whenOffered >>> 8) & SHORT_LANES;
                    servedEven += served & SHORT_LANES;
                    servedOdd += (served >>> 8) & SHORT_LANES;
                    months += flags;
                    voiced += cr & NIBBLES;
                    referrals += (cr >>> 4) & NIBBLES;
                }
                for (int q = 0; q < 4; q++) {
                    int even = j + 2 * q;
                    int shift = 16 * q;
                    into.purchases[even] += (int) ((boughtEven >>> shift) & 0xFFFF);
                    into.purchases[even + 1] += (int) ((boughtOdd >>> shift) & 0xFFFF);
                    into.purchasesWhenOffered[even] += (int) ((offeredEven >>> shift) & 0xFFFF);
                    into.purchasesWhenOffered[even + 1] += (int) ((offeredOdd >>> shift) & 0xFFFF);
                    into.served[even] += (int) ((servedEven >>> shift) & 0xFFFF);
                    into.served[even + 1] += (int) ((servedOdd >>> shift) & 0xFFFF);
                }
                for (int b = 0; b < 8; b++) {
                    int shift = 8 * b;
                    into.monthsOffered[j + b] += (int) ((months >>> shift) & 0xFF);
                    into.voicedComplaints[j + b] += (int) ((voiced >>> shift) & 0xFF);
                    into.referrals[j + b] += (int) ((referrals >>> shift) & 0xFF);
                }
            }
            for (int j = whole; j < count; j++) {
                for (int k = k0; k < k1; k++) {
                    int at = k * stride + from + j;
                    int p = purchases[at] & 0xFF;
                    int so = servedOffered[at] & 0xFF;
                    int cr = complaintsReferrals[at] & 0xFF;
                    into.purchases[j] += p;
                    into.purchasesWhenOffered[j] += (so & 0x80) != 0 ? p : 0;
                    into.monthsOffered[j] += so >>> 7;
                    into.served[j] += so & 0x7F;
                    into.voicedComplaints[j] += cr & 0x0F;
                    into.referrals[j] += cr >>> 4;
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
