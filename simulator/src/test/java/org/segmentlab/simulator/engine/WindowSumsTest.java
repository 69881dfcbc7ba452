package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The fast window sums equal the plain loops they replace, for any window length and any byte values. */
class WindowSumsTest {

    @Property(tries = 300)
    void byteAndNibbleSumsEqualPlainLoops(@ForAll byte[] values, @ForAll byte[] flags, @ForAll @IntRange(min = 0, max = 40) int n,
            @ForAll @IntRange(min = 0, max = 5) int offset) {
        byte[] v = java.util.Arrays.copyOf(values, offset + n);
        byte[] f = java.util.Arrays.copyOf(flags, offset + n);
        int bytes = 0;
        int flagged = 0;
        int low = 0;
        int high = 0;
        for (int k = offset; k < offset + n; k++) {
            bytes += v[k] & 0xFF;
            flagged += (f[k] & 0x80) != 0 ? v[k] & 0xFF : 0;
            low += v[k] & 0x0F;
            high += (v[k] & 0xFF) >>> 4;
        }
        assertThat(WindowSums.bytes(v, offset, n)).isEqualTo(bytes);
        assertThat(WindowSums.bytesWhereHighBit(v, f, offset, n)).isEqualTo(flagged);
        assertThat(WindowSums.lowNibbles(v, offset, n)).isEqualTo(low);
        assertThat(WindowSums.highNibbles(v, offset, n)).isEqualTo(high);
    }

    @Property(tries = 300)
    void floatSumsAgreeWithPlainSumsToRounding(@ForAll float[] values, @ForAll @IntRange(min = 0, max = 30) int n) {
        float[] v = new float[n];
        double plain = 0;
        for (int k = 0; k < n; k++) {
            v[k] = k < values.length && Float.isFinite(values[k]) ? Math.abs(values[k]) % 1e6f : k;
            plain += v[k];
        }
        // Revenue is never negative: pairwise and sequential double sums of floats differ by rounding only.
        assertThat(WindowSums.sum(v, 0, n)).isCloseTo(plain, org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, plain)));
    }
}
