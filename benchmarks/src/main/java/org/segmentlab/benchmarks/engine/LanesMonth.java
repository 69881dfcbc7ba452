package org.segmentlab.benchmarks.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link MonthKernelBenchmark}'s customer loop on vector lanes (alone in its file with the Vector API: see the
 * benchmarks pom): the same model as the scalar loop, a vector of customers at a time in single precision (sixteen on a
 * 512-bit CPU), every {@code exp}, {@code log}, {@code cos} and {@code sin} on lanes, the Poisson and binomial counts
 * by inversion with a lane mask for the customers still searching, the first two baskets by Box–Muller from one pair of
 * uniforms (later ones, for the few who buy three times or more in a month, by the scalar loop's sampler).
 * Churned customers are lanes masked off (their satisfaction is −1). It draws other numbers than the scalar loop, so
 * it is compared with it on speed and on rates, not number for number.
 */
final class LanesMonth {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;
    static final int LANES = F.length();
    private static final float[] RECIPROCAL = new float[1001];
    private static final float TWO_PI = (float) (2 * Math.PI);

    static {
        for (int k = 1; k < RECIPROCAL.length; k++) {
            RECIPROCAL[k] = 1f / k;
        }
    }

    private final float[] uPurchases;
    private final float[] uService;
    private final float[] uComplaints;
    private final float[] uChurn;
    private final float[] uBasket;
    private final float[] uAngle;
    private final float[] bought;
    private final int[] low;
    private final int[] high;

    LanesMonth(int chunk) {
        uPurchases = new float[chunk];
        uService = new float[chunk];
        uComplaints = new float[chunk];
        uChurn = new float[chunk];
        uBasket = new float[chunk];
        uAngle = new float[chunk];
        bought = new float[chunk];
        low = new int[chunk];
        high = new int[chunk];
    }

    /**
     * Six uniforms in (0, 1) per customer of the chunk, from its draw position, on int lanes: the two halves of the
     * 64-bit position go through a 32-bit counter hash (MurmurHash3's finaliser, twice) with the purpose's salt, and the
     * top 23 bits of the result become a float's mantissa. 64-bit multiplies on lanes need AVX-512; 32-bit ones do not.
     */
    void uniforms(long[] base, int size) {
        for (int j = 0; j < size; j++) {
            low[j] = (int) base[j];
            high[j] = (int) (base[j] >>> 32);
        }
        int full = size - size % LANES;
        fill(full, 0x2545F491, uPurchases);
        fill(full, 0x3C6EF372, uService);
        fill(full, 0x5851F42D, uComplaints);
        fill(full, 0x6C8E9CF5, uChurn);
        fill(full, 0x7F4A7C15, uBasket);
        fill(full, 0x1B873593, uAngle);
    }

    private void fill(int full, int salt, float[] out) {
        for (int j = 0; j < full; j += LANES) {
            IntVector h = IntVector.fromArray(I, high, j).add(salt);
            h = fmix(fmix(h).lanewise(VectorOperators.XOR, IntVector.fromArray(I, low, j)));
            // 1.m in [1, 2) from 23 random bits, minus 1 + 2^-24 halfway: (0, 1), never 0 for the logarithm.
            h.lanewise(VectorOperators.LSHR, 9).or(0x3F800000).reinterpretAsFloats().sub(1f - 0x1.0p-24f).intoArray(out, j);
        }
    }

    private static IntVector fmix(IntVector h) {
        h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16)).mul(0x85EBCA6B);
        h = h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 13)).mul(0xC2B2AE35);
        return h.lanewise(VectorOperators.XOR, h.lanewise(VectorOperators.LSHR, 16));
    }

    /** The month of the chunk's first {@code full} customers (a multiple of {@link #LANES}); returns how many were active. */
    int customers(MonthKernelBenchmark k, int t, int slot, int from, int full) {
        int active = 0;
        int at = slot * k.customers;
        float sigma = (float) MonthKernelBenchmark.BASKET_SIGMA;
        float shift = -0.5f * sigma * sigma;
        float badTotal = 0;
        float revenueTotal = 0;
        for (int j = 0; j < full; j += LANES) {
            int i = from + j;
            FloatVector sat = FloatVector.fromArray(F, k.satisfaction, i);
            VectorMask<Float> alive = sat.compare(VectorOperators.GE, 0f);
            FloatVector s0 = FloatVector.fromArray(F, k.baseline, i);
            FloatVector mean = FloatVector.fromArray(F, k.rate, i)
                    .mul(sat.sub(s0).mul((float) MonthKernelBenchmark.PURCHASE_SENSITIVITY).lanewise(VectorOperators.EXP));
            FloatVector n = poisson(FloatVector.fromArray(F, uPurchases, j), mean, alive);
            // Box–Muller: one pair of uniforms gives the first two purchases' Gaussians.
            FloatVector radius = FloatVector.fromArray(F, uBasket, j).lanewise(VectorOperators.LOG).mul(-2f).lanewise(VectorOperators.SQRT);
            FloatVector angle = FloatVector.fromArray(F, uAngle, j).mul(TWO_PI);
            FloatVector first = radius.mul(angle.lanewise(VectorOperators.COS)).mul(sigma).add(shift).lanewise(VectorOperators.EXP);
            FloatVector second = radius.mul(angle.lanewise(VectorOperators.SIN)).mul(sigma).add(shift).lanewise(VectorOperators.EXP);
            FloatVector zero = FloatVector.zero(F);
            FloatVector gross = zero.blend(first, n.compare(VectorOperators.GE, 1f))
                    .add(zero.blend(second, n.compare(VectorOperators.GE, 2f)))
                    .mul(FloatVector.fromArray(F, k.spend, i));
            FloatVector requests = poisson(FloatVector.fromArray(F, uService, j), FloatVector.fromArray(F, k.demand, i), alive);
            FloatVector complaints = binomial(FloatVector.fromArray(F, uComplaints, j), n.add(requests),
                    FloatVector.fromArray(F, k.bad, i), alive);
            FloatVector next = sat.add(s0.sub(sat).mul((float) MonthKernelBenchmark.DRIFT))
                    .sub(complaints.mul((float) MonthKernelBenchmark.COMPLAINT_IMPACT)).max(0f).min(1f);
            FloatVector leaveProbability = FloatVector.fromArray(F, k.churn, i)
                    .mul(s0.sub(next).mul((float) MonthKernelBenchmark.CHURN_SENSITIVITY).lanewise(VectorOperators.EXP));
            VectorMask<Float> leaving = alive.and(FloatVector.fromArray(F, uChurn, j).compare(VectorOperators.LT, leaveProbability));
            sat.blend(next, alive).blend(-1f, leaving).intoArray(k.satisfaction, i);
            zero.blend(gross, alive).intoArray(k.ringRevenue, at + i);
            zero.blend(n, alive).intoArray(bought, j);
            badTotal += complaints.reduceLanes(VectorOperators.ADD);
            revenueTotal += zero.blend(gross, alive).reduceLanes(VectorOperators.ADD);
            active += alive.trueCount();
            k.churnedCount += leaving.trueCount();
        }
        k.badExperiences += (long) badTotal;
        k.revenue += revenueTotal;
        // What lanes do not do well: bytes (branch-free: a churned customer's slot gets 0, as on the lanes), ...
        long purchases = 0;
        for (int j = 0; j < full; j++) {
            int i = from + j;
            int bought = (int) this.bought[j];
            purchases += bought;
            int counted = Math.min(bought, 255);
            k.frequency[i] += counted - (k.ringPurchases[at + i] & 0xFF);
            k.ringPurchases[at + i] = (byte) counted;
            k.lastPurchase[i] = bought > 0 ? (short) t : k.lastPurchase[i];
        }
        k.purchases += purchases;
        // ... and the third basket onwards of the few who buy three times or more.
        for (int j = 0; j < full; j++) {
            if (bought[j] > 2) {
                int i = from + j;
                double more = k.spend[i] * k.moreBaskets(j, (int) bought[j] - 2);
                k.ringRevenue[at + i] += (float) more;
                k.revenue += more;
            }
        }
        return active;
    }

    /** Poisson(mean) by inversion on lanes; lanes off the mask count 0. */
    private static FloatVector poisson(FloatVector u, FloatVector mean, VectorMask<Float> on) {
        FloatVector p = mean.neg().lanewise(VectorOperators.EXP);
        FloatVector cdf = p;
        FloatVector count = FloatVector.zero(F);
        VectorMask<Float> searching = on.and(u.compare(VectorOperators.GT, cdf));
        for (int step = 1; step < RECIPROCAL.length && searching.anyTrue(); step++) {
            count = count.add(1f, searching);
            p = p.mul(mean.mul(RECIPROCAL[step]));
            cdf = cdf.add(p);
            searching = searching.and(u.compare(VectorOperators.GT, cdf));
        }
        return count;
    }

    /** Binomial(n, p) by inversion on lanes: P(0) = exp(n·log(1 − p)), then P(k) = P(k−1)·(n−k+1)/k·p/(1−p). */
    private static FloatVector binomial(FloatVector u, FloatVector n, FloatVector p, VectorMask<Float> on) {
        FloatVector q = p.neg().add(1f);
        FloatVector odds = p.div(q);
        FloatVector probability = n.mul(q.lanewise(VectorOperators.LOG)).lanewise(VectorOperators.EXP);
        FloatVector cdf = probability;
        FloatVector count = FloatVector.zero(F);
        VectorMask<Float> searching = on.and(u.compare(VectorOperators.GE, cdf)).and(count.compare(VectorOperators.LT, n));
        while (searching.anyTrue()) {
            count = count.add(1f, searching);
            probability = probability.mul(n.sub(count).add(1f)).mul(odds).div(count);
            cdf = cdf.add(probability);
            searching = searching.and(u.compare(VectorOperators.GE, cdf)).and(count.compare(VectorOperators.LT, n));
        }
        return count;
    }
}
