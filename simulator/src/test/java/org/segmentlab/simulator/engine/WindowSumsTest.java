package org.segmentlab.simulator.engine;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The fast window sums and counts equal the plain loops they replace, for any window length and any byte values. */
class WindowSumsTest {

    @Property(tries = 300)
    void windowCountsEqualPlainLoops(@ForAll byte[] purchases, @ForAll byte[] served, @ForAll byte[] complaints,
            @ForAll @IntRange(min = 0, max = 40) int n, @ForAll @IntRange(min = 0, max = 5) int offset) {
        byte[] p = java.util.Arrays.copyOf(purchases, offset + n);
        byte[] so = java.util.Arrays.copyOf(served, offset + n);
        byte[] cr = java.util.Arrays.copyOf(complaints, offset + n);
        int bought = 0;
        int whenOffered = 0;
        int offered = 0;
        int servedSum = 0;
        int voiced = 0;
        int referrals = 0;
        for (int k = offset; k < offset + n; k++) {
            bought += p[k] & 0xFF;
            boolean flag = (so[k] & 0x80) != 0;
            whenOffered += flag ? p[k] & 0xFF : 0;
            offered += flag ? 1 : 0;
            servedSum += so[k] & 0x7F;
            voiced += cr[k] & 0x0F;
            referrals += (cr[k] & 0xFF) >>> 4;
        }
        WindowSums.WindowCounts c = new WindowSums.WindowCounts();
        WindowSums.counts(p, so, cr, offset, n, c);
        assertThat(new int[] {c.purchases, c.purchasesWhenOffered, c.monthsOffered, c.served, c.voicedComplaints, c.referrals})
                .containsExactly(bought, whenOffered, offered, servedSum, voiced, referrals);
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
