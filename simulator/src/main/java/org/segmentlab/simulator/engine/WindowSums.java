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

    /** The sum of n unsigned bytes. */
    static int bytes(byte[] values, int from, int n) {
        int total = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            total += sumBytes((long) LONGS.get(values, from + k));
        }
        for (; k < n; k++) {
            total += values[from + k] & 0xFF;
        }
        return total;
    }

    /** The sum of the unsigned bytes of {@code values} in the slots where {@code flags} has its high bit set. */
    static int bytesWhereHighBit(byte[] values, byte[] flags, int from, int n) {
        int total = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            long f = (long) LONGS.get(flags, from + k) & HIGH_BITS;
            long mask = (f >>> 7) * 0xFF; // 0xFF in every byte whose flag is set
            total += sumBytes((long) LONGS.get(values, from + k) & mask);
        }
        for (; k < n; k++) {
            if ((flags[from + k] & 0x80) != 0) {
                total += values[from + k] & 0xFF;
            }
        }
        return total;
    }

    /** How many of n bytes have their high bit set. */
    static int highBits(byte[] flags, int from, int n) {
        int total = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            total += Long.bitCount((long) LONGS.get(flags, from + k) & HIGH_BITS);
        }
        for (; k < n; k++) {
            total += (flags[from + k] & 0x80) >>> 7;
        }
        return total;
    }

    /** The sum of the low nibbles of n bytes. */
    static int lowNibbles(byte[] values, int from, int n) {
        int total = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            total += sumBytes((long) LONGS.get(values, from + k) & NIBBLES);
        }
        for (; k < n; k++) {
            total += values[from + k] & 0x0F;
        }
        return total;
    }

    /** The sum of the high nibbles of n bytes. */
    static int highNibbles(byte[] values, int from, int n) {
        int total = 0;
        int k = 0;
        for (; k + 8 <= n; k += 8) {
            total += sumBytes(((long) LONGS.get(values, from + k) >>> 4) & NIBBLES);
        }
        for (; k < n; k++) {
            total += (values[from + k] & 0xFF) >>> 4;
        }
        return total;
    }

    /** The sum of the eight unsigned bytes of x: pairs into 16-bit lanes, then one multiply adds the lanes. */
    private static int sumBytes(long x) {
        long pairs = (x & BYTE_LANES) + ((x >>> 8) & BYTE_LANES);
        return (int) ((pairs * SHORT_SUM) >>> 48);
    }
}
