package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The sums kernels over the slot-major ring equal the per-customer loops they replace, for any window length and run
 * of customers: float sums are bit-identical to the per-customer pairwise tree results were made with. (The counts
 * are {@link WindowRingTest}'s.)
 */
class WindowSumsTest {

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
}
