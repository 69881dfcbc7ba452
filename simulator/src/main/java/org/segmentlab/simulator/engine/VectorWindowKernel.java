package org.segmentlab.simulator.engine;

import static org.segmentlab.simulator.engine.WindowSums.HIGH_BITS;
import static org.segmentlab.simulator.engine.WindowSums.LOW_BITS;
import static org.segmentlab.simulator.engine.WindowSums.NIBBLES;
import static org.segmentlab.simulator.engine.WindowSums.SHORT_LANES;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link WindowKernel} on the incubating Vector API. The counts: {@link WindowSums#countWords}'s operations on a vector
 * of longs, so a vector of eight longs counts the windows of 64 customers at once (integer sums: the same counts). The
 * float sums of a 12-month window: eight customers to a vector of doubles, each customer's twelve floats widened and
 * added in {@link WindowSums#sums}'s tree, so the same sums bit for bit. Other windows, the words and customers after
 * the last full vector, and windows too long for 16-bit lanes take the scalar kernel. Only loaded, reflectively, when
 * the {@code jdk.incubator.vector} module is in the boot layer.
 */
final class VectorWindowKernel implements WindowKernel {
    private static final VectorSpecies<Long> L = LongVector.SPECIES_PREFERRED;
    private static final int LANES = L.length();
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** As many floats as D holds doubles: one float vector widens to one double vector. */
    private static final VectorSpecies<Float> F = VectorSpecies.of(float.class, jdk.incubator.vector.VectorShape.forBitSize(D.vectorBitSize() / 2));
    private static final int DOUBLES = D.length();

    private VectorWindowKernel() {
    }

    /** The kernel, or null when this CPU's preferred vectors hold fewer than four longs (too short to pay). */
    static WindowKernel create() {
        return LANES >= 4 && DOUBLES >= 4 && F.length() == DOUBLES ? new VectorWindowKernel() : null;
    }

    @Override
    public void sums(float[] values, int stride, int from, int count, int n, double[] out, double[] scratch) {
        if (n != WindowSums.TREE_SLOTS) {
            WindowSums.sums(values, stride, from, count, n, out, scratch);
            return;
        }
        int j = 0;
        for (; j + DOUBLES <= count; j += DOUBLES) {
            int s = from + j;
            DoubleVector sum = pair(values, s, stride).add(pair(values, s + 2 * stride, stride));
            sum = sum.add(pair(values, s + 4 * stride, stride).add(pair(values, s + 6 * stride, stride)));
            sum = sum.add(pair(values, s + 8 * stride, stride).add(pair(values, s + 10 * stride, stride)));
            sum.intoArray(out, j);
        }
        WindowSums.sumTree(values, stride, from, j, count, out);
    }

    /** (double) slot a + (double) slot a + stride, for the customers of one vector. */
    private static DoubleVector pair(float[] values, int a, int stride) {
        return widened(values, a).add(widened(values, a + stride));
    }

    private static DoubleVector widened(float[] values, int at) {
        return (DoubleVector) FloatVector.fromArray(F, values, at).convertShape(VectorOperators.F2D, D, 0);
    }

    @Override
    public void counts(long[] purchases, long[] servedOffered, long[] complaintsReferrals, int stride, int from, int count,
                       int n, WindowSums.WindowCounts into) {
        if (n > WindowSums.LANE_SLOTS) {
            WindowSums.counts(purchases, servedOffered, complaintsReferrals, stride, from, count, n, into);
            return;
        }
        into.packed();
        int words = (count + 7) >>> 3;
        int slotWords = stride >>> 3;
        int first = from >>> 3;
        int w = 0;
        for (; w + LANES <= words; w += LANES) {
            LongVector zero = LongVector.zero(L);
            LongVector boughtEven = zero, boughtOdd = zero, whenOfferedEven = zero, whenOfferedOdd = zero;
            LongVector servedEven = zero, servedOdd = zero, offeredEven = zero, offeredOdd = zero;
            LongVector voicedEven = zero, voicedOdd = zero, referredEven = zero, referredOdd = zero;
            for (int k0 = 0; k0 < n; k0 += WindowSums.BYTE_LANE_SLOTS) {
                int k1 = Math.min(n, k0 + WindowSums.BYTE_LANE_SLOTS);
                LongVector offered = zero, voiced = zero, referred = zero;
                for (int k = k0, at = k0 * slotWords + first + w; k < k1; k++, at += slotWords) {
                    LongVector p = LongVector.fromArray(L, purchases, at);
                    LongVector so = LongVector.fromArray(L, servedOffered, at);
                    LongVector cr = LongVector.fromArray(L, complaintsReferrals, at);
                    LongVector flags = so.lanewise(VectorOperators.LSHR, 7).and(LOW_BITS);
                    LongVector whenOffered = p.and(flags.lanewise(VectorOperators.LSHL, 8).sub(flags));
                    LongVector served = so.and(~HIGH_BITS);
                    boughtEven = boughtEven.add(p.and(SHORT_LANES));
                    boughtOdd = boughtOdd.add(p.lanewise(VectorOperators.LSHR, 8).and(SHORT_LANES));
                    whenOfferedEven = whenOfferedEven.add(whenOffered.and(SHORT_LANES));
                    whenOfferedOdd = whenOfferedOdd.add(whenOffered.lanewise(VectorOperators.LSHR, 8).and(SHORT_LANES));
                    servedEven = servedEven.add(served.and(SHORT_LANES));
                    servedOdd = servedOdd.add(served.lanewise(VectorOperators.LSHR, 8).and(SHORT_LANES));
                    offered = offered.add(flags);
                    voiced = voiced.add(cr.and(NIBBLES));
                    referred = referred.add(cr.lanewise(VectorOperators.LSHR, 4).and(NIBBLES));
                }
                offeredEven = offeredEven.add(offered.and(SHORT_LANES));
                offeredOdd = offeredOdd.add(offered.lanewise(VectorOperators.LSHR, 8).and(SHORT_LANES));
                voicedEven = voicedEven.add(voiced.and(SHORT_LANES));
                voicedOdd = voicedOdd.add(voiced.lanewise(VectorOperators.LSHR, 8).and(SHORT_LANES));
                referredEven = referredEven.add(referred.and(SHORT_LANES));
                referredOdd = referredOdd.add(referred.lanewise(VectorOperators.LSHR, 8).and(SHORT_LANES));
            }
            boughtEven.intoArray(into.purchases.even, w);
            boughtOdd.intoArray(into.purchases.odd, w);
            whenOfferedEven.intoArray(into.purchasesWhenOffered.even, w);
            whenOfferedOdd.intoArray(into.purchasesWhenOffered.odd, w);
            servedEven.intoArray(into.served.even, w);
            servedOdd.intoArray(into.served.odd, w);
            offeredEven.intoArray(into.monthsOffered.even, w);
            offeredOdd.intoArray(into.monthsOffered.odd, w);
            voicedEven.intoArray(into.voicedComplaints.even, w);
            voicedOdd.intoArray(into.voicedComplaints.odd, w);
            referredEven.intoArray(into.referrals.even, w);
            referredOdd.intoArray(into.referrals.odd, w);
        }
        WindowSums.countWords(purchases, servedOffered, complaintsReferrals, slotWords, first, w, words, n, into);
    }
}
