package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The chunk kernels over the slot-major ring equal the per-customer loops they replace, for any window length, run of
 * customers and byte values; float sums are bit-identical to the per-customer pairwise tree results were made with.
 */
class WindowSumsTest {

    @Property(tries = 200)
    void windowCountsEqualPlainLoops(@ForAll long seed, @ForAll @IntRange(min = 0, max = 40) int n,
            @ForAll @IntRange(min = 0, max = 140) int count, @ForAll @IntRange(min = 0, max = 3) int fromWords) {
        assertCountsArePlainLoops(seed, n, count, fromWords, false);
    }

    /**
     * Saturated bytes (255 purchases, 127 served, 15 complaints and referrals, every month offered) over long windows:
     * the lanes are flushed before they overflow, and the ints hold what a 16-bit lane could not (257 × 255 and more).
     */
    @Property(tries = 12)
    void longWindowsOfFullBytesCountExactly(@ForAll long seed, @ForAll @IntRange(min = 250, max = 300) int n,
            @ForAll @IntRange(min = 60, max = 80) int count) {
        assertCountsArePlainLoops(seed, n, count, 1, true);
    }

    private static void assertCountsArePlainLoops(long seed, int n, int count, int fromWords, boolean full) {
        int from = 8 * fromWords;
        int stride = (from + count + 3 + 7) & ~7;
        Random random = new Random(seed);
        byte[] p = full ? filled(n * stride, 0xFF) : bytes(random, n * stride);
        byte[] so = full ? filled(n * stride, 0xFF) : bytes(random, n * stride);
        byte[] cr = full ? filled(n * stride, 0xFF) : bytes(random, n * stride);
        WindowSums.WindowCounts c = new WindowSums.WindowCounts(count + 7);
        WindowSums.counts(packed(p), packed(so), packed(cr), stride, from, count, n, c);
        for (int j = 0; j < count; j++) {
            int bought = 0, whenOffered = 0, offered = 0, served = 0, voiced = 0, referrals = 0;
            for (int k = 0; k < n; k++) {
                int slot = k * stride + from + j;
                bought += p[slot] & 0xFF;
                boolean flag = (so[slot] & 0x80) != 0;
                whenOffered += flag ? p[slot] & 0xFF : 0;
                offered += flag ? 1 : 0;
                served += so[slot] & 0x7F;
                voiced += cr[slot] & 0x0F;
                referrals += (cr[slot] & 0xFF) >>> 4;
            }
            assertThat(new int[] {c.purchases[j], c.purchasesWhenOffered[j], c.monthsOffered[j], c.served[j],
                c.voicedComplaints[j], c.referrals[j]})
                    .as("customer %d of %d, window %d", j, count, n)
                    .containsExactly(bought, whenOffered, offered, served, voiced, referrals);
        }
    }

    /**
     * The scalar sums kernel, and the vector one: the simulator's tests run with the Vector API module (its pom), so
     * it is here unless this CPU's vectors hold fewer than four doubles.
     */
    private static java.util.List<WindowSumsKernel> kernels() {
        return WindowSumsKernel.VECTOR == null ? java.util.List.of(WindowSumsKernel.SCALAR)
                : java.util.List.of(WindowSumsKernel.SCALAR, WindowSumsKernel.VECTOR);
    }

    private static String name(WindowSumsKernel kernel) {
        return kernel == WindowSumsKernel.SCALAR ? "scalar" : "vector";
    }

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }

    @Property(tries = 200)
    void floatSumsAreThePairwiseTreeOfEachCustomer(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int n,
            @ForAll @IntRange(min = 0, max = 70) int count, @ForAll @IntRange(min = 0, max = 5) int from) {
        int stride = from + count + 2;
        Random random = new Random(seed);
        float[] values = new float[n * stride];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextInt(4) == 0 ? 0f : (float) (random.nextDouble() * Math.pow(10, random.nextInt(7)));
        }
        for (WindowSumsKernel kernel : kernels()) {
            assertSumsArePairwise(kernel, values, stride, from, count, n);
        }
    }

    /** The default 12-month window, which the vector kernel sums on lanes: margins of either sign, runs past a vector. */
    @Property(tries = 100)
    void twelveMonthSumsAreThePairwiseTreeOnBothKernels(@ForAll long seed, @ForAll @IntRange(min = 0, max = 90) int count,
            @ForAll @IntRange(min = 0, max = 9) int from) {
        int n = 12;
        int stride = from + count + 5;
        Random random = new Random(seed);
        float[] values = new float[n * stride];
        for (int k = 0; k < values.length; k++) {
            double magnitude = random.nextDouble() * Math.pow(10, random.nextInt(7));
            values[k] = random.nextInt(4) == 0 ? 0f : (float) (random.nextBoolean() ? magnitude : -magnitude / 3);
        }
        for (WindowSumsKernel kernel : kernels()) {
            double[] out = new double[count];
            kernel.sums(values, stride, from, count, n, out, new double[count]);
            for (int j = 0; j < count; j++) {
                float[] own = new float[n];
                for (int k = 0; k < n; k++) {
                    own[k] = values[k * stride + from + j];
                }
                assertThat(out[j]).as("%s kernel, customer %d of %d", name(kernel), j, count).isEqualTo(pairwise(own));
            }
        }
    }

    private static void assertSumsArePairwise(WindowSumsKernel kernel, float[] values, int stride, int from, int count, int n) {
        double[] out = new double[count];
        kernel.sums(values, stride, from, count, n, out, new double[count]);
        for (int j = 0; j < count; j++) {
            float[] own = new float[n];
            double plain = 0;
            for (int k = 0; k < n; k++) {
                own[k] = values[k * stride + from + j];
                plain += own[k];
            }
            assertThat(out[j]).as("%s kernel, customer %d, window %d", name(kernel), j, n).isEqualTo(pairwise(own));
            // Revenue is never negative: pairwise and sequential sums differ by rounding only.
            assertThat(out[j]).isCloseTo(plain, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, plain)));
        }
    }

    /** The per-customer order every saved result was computed in (12 slots: a fixed tree; else even and odd runs). */
    private static double pairwise(float[] v) {
        int n = v.length;
        if (n == 12) {
            double a = (double) v[0] + v[1];
            double b = (double) v[2] + v[3];
            double c = (double) v[4] + v[5];
            double d = (double) v[6] + v[7];
            double e = (double) v[8] + v[9];
            double f = (double) v[10] + v[11];
            return ((a + b) + (c + d)) + (e + f);
        }
        double even = 0;
        double odd = 0;
        int k = 0;
        for (; k + 1 < n; k += 2) {
            even += v[k];
            odd += v[k + 1];
        }
        if (k < n) {
            even += v[k];
        }
        return even + odd;
    }

    /** Bytes eight to a long, little-endian: the ring's packing. */
    private static long[] packed(byte[] bytes) {
        long[] words = new long[bytes.length / 8];
        for (int b = 0; b < bytes.length; b++) {
            words[b >>> 3] |= (long) (bytes[b] & 0xFF) << (8 * (b & 7));
        }
        return words;
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
