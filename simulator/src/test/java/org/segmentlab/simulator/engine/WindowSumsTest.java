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
            @ForAll @IntRange(min = 0, max = 70) int count, @ForAll @IntRange(min = 0, max = 3) int fromWords) {
        int from = 8 * fromWords;
        int stride = (from + count + 3 + 7) & ~7;
        Random random = new Random(seed);
        byte[] p = bytes(random, n * stride);
        byte[] so = bytes(random, n * stride);
        byte[] cr = bytes(random, n * stride);
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

    @Property(tries = 200)
    void floatSumsAreThePairwiseTreeOfEachCustomer(@ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int n,
            @ForAll @IntRange(min = 0, max = 70) int count, @ForAll @IntRange(min = 0, max = 5) int from) {
        int stride = from + count + 2;
        Random random = new Random(seed);
        float[] values = new float[n * stride];
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextInt(4) == 0 ? 0f : (float) (random.nextDouble() * Math.pow(10, random.nextInt(7)));
        }
        double[] out = new double[count];
        WindowSums.sums(values, stride, from, count, n, out, new double[count]);
        for (int j = 0; j < count; j++) {
            float[] own = new float[n];
            double plain = 0;
            for (int k = 0; k < n; k++) {
                own[k] = values[k * stride + from + j];
                plain += own[k];
            }
            assertThat(out[j]).as("customer %d, window %d", j, n).isEqualTo(pairwise(own));
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
