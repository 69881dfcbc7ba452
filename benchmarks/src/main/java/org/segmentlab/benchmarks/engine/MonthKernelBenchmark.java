package org.segmentlab.benchmarks.engine;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.segmentlab.simulator.engine.CustomerRandom.Purpose;
import org.segmentlab.simulator.random.Inversion;
import org.segmentlab.simulator.random.SplitMix64;

/**
 * The plain market's month as the tightest loops we could write, on one core: what the per-core target is read
 * against. Each customer-month does the plain base market's work: a Poisson purchase count against a
 * satisfaction-dependent mean, one lognormal basket per purchase, a Poisson count of service requests, a binomial
 * count of complaints, the satisfaction update, a churn draw against a satisfaction-dependent probability, the month's
 * slot of a 12-month window, the window's monetary sum, recency and frequency, and a four-way classification; with
 * {@code ranked}, each month also ranks the active customers' window revenues for the top fifth's share (the Pareto
 * metric; an LSD radix sort of the float bits). {@code MonthKernelBenchmarkTest} checks that both kernels buy, spend,
 * complain, churn and concentrate revenue as the engine's plain market does.
 *
 * <p>What it leaves out, so that it does less than the engine's month: strategies and treatments, stages (one fused
 * loop per chunk), tallies and metrics other than the top fifth's share, acquisition, word of mouth, compaction, and
 * the draws the plain market's behaviour needs beyond these (it draws fewer numbers, and different ones).
 * <ul>
 * <li>{@code year}: scalar loops. The chunk's uniforms are drawn in bulk (SplitMix64 of the position and salt, as the
 *     engine does), then the per-customer arithmetic runs fused in one loop.</li>
 * <li>{@code yearOnLanes}: the customer loop on vector lanes ({@link LanesMonth}, single precision, sixteen customers
 *     at a time on a 512-bit CPU), with the uniforms hashed on int lanes.</li>
 * </ul>
 * If these loops take longer per customer-month than the target allows, the target asks for less time than the
 * month's arithmetic takes on this machine. The score is one year's single shot in ms; after each iteration the fork
 * prints the active customer-months (ns a customer-month = ms × 10^6 / them).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-XX:+UseParallelGC", "--add-modules=jdk.incubator.vector"})
public class MonthKernelBenchmark {
    private static final int CHUNK = 4096;
    private static final int WINDOW = 12;
    private static final long GAMMA = SplitMix64.GOLDEN_GAMMA;
    /** The engine's salts of the purposes drawn here (derived from their stable codes, as the engine derives them). */
    static final long SALT_PURCHASES = salt(Purpose.PURCHASES);
    static final long SALT_BASKETS = salt(Purpose.BASKETS);
    static final long SALT_SERVICE = salt(Purpose.SERVICE);
    static final long SALT_COMPLAINTS = salt(Purpose.COMPLAINTS);
    static final long SALT_CHURN = salt(Purpose.CHURN);
    /** The default behaviour's constants (satisfaction drift, complaint impact, the two sensitivities). */
    static final double DRIFT = 0.1;
    static final double COMPLAINT_IMPACT = 0.25;
    static final double PURCHASE_SENSITIVITY = 1.0;
    static final double CHURN_SENSITIVITY = 2.0;
    static final double BASKET_SIGMA = 0.3;

    @Param({"1000000"})
    public int customers;

    @Param({"12"})
    public int months;

    /** Whether each month also ranks the window revenues for the top fifth's share (what the Pareto metric needs). */
    @Param({"false", "true"})
    public boolean ranked;

    // Traits, drawn as the plain market's three archetypes draw them.
    float[] rate;
    float[] spend;
    float[] demand;
    float[] bad;
    float[] churn;
    float[] baseline;
    // State.
    float[] satisfaction;
    short[] lastPurchase;
    float[] ringRevenue;
    byte[] ringPurchases;
    int[] frequency;
    private byte[] segment;
    // Chunk scratch and the ranking's.
    private final long[] base = new long[CHUNK];
    private final double[] uPurchases = new double[CHUNK];
    private final double[] uService = new double[CHUNK];
    private final double[] uComplaints = new double[CHUNK];
    private final double[] uChurn = new double[CHUNK];
    private final Cursor cursor = new Cursor();
    private final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(cursor);
    private final float[] monetaryBuffer = new float[CHUNK];
    private final LanesMonth lanes = new LanesMonth(CHUNK);
    /** Each active customer's trailing-window revenue (−1 for the churned): what the Pareto metric ranks. */
    private float[] windowRevenue;
    private int[] keys;
    private int[] sorted;
    // What the year did, for comparing the kernel's work with the engine's (MonthKernelBenchmarkTest).
    long activeMonths;
    long purchases;
    long badExperiences;
    long churnedCount;
    double revenue;
    private double paretoSum;

    @Setup(Level.Iteration)
    public void population() {
        int n = customers;
        UniformRandomProvider r = RandomSource.SPLIT_MIX_64.create(42L);
        rate = new float[n];
        spend = new float[n];
        demand = new float[n];
        bad = new float[n];
        churn = new float[n];
        baseline = new float[n];
        double[][] archetypes = { // share, rate shape, churn a, b, service scale, satisfaction a, b, bad experience
            {0.3, 4, 1, 60, 0.2, 8, 2, 0.01}, {0.5, 2, 2, 25, 0.3, 4, 4, 0.03}, {0.2, 1, 2, 15, 1.0, 2, 6, 0.1}};
        double[] median = {60, 30, 35};
        double[] sigma = {0.8, 0.6, 0.6};
        NormalizedGaussianSampler normal = ZigguratSampler.NormalizedGaussian.of(r);
        for (int i = 0; i < n; i++) {
            double u = r.nextDouble();
            int a = u < archetypes[0][0] ? 0 : u < archetypes[0][0] + archetypes[1][0] ? 1 : 2;
            double[] p = archetypes[a];
            rate[i] = (float) gamma(r, p[1], 0.5);
            spend[i] = (float) (median[a] * Math.exp(sigma[a] * normal.sample()));
            churn[i] = (float) beta(r, p[2], p[3]);
            demand[i] = (float) gamma(r, 1, p[4]);
            baseline[i] = (float) beta(r, p[5], p[6]);
            bad[i] = (float) p[7];
        }
        satisfaction = baseline.clone();
        lastPurchase = new short[n];
        ringRevenue = new float[WINDOW * n];
        ringPurchases = new byte[WINDOW * n];
        frequency = new int[n];
        segment = new byte[n];
        windowRevenue = new float[n];
        keys = new int[n];
        sorted = new int[n];
        activeMonths = 0;
        purchases = 0;
        badExperiences = 0;
        churnedCount = 0;
        revenue = 0;
        paretoSum = 0;
    }

    private static long salt(Purpose purpose) {
        return SplitMix64.mix(0x243F6A8885A308D3L * purpose.code());
    }

    private static double gamma(UniformRandomProvider r, double shape, double scale) {
        return AhrensDieterMarsagliaTsangGammaSampler.of(r, shape, scale).sample();
    }

    private static double beta(UniformRandomProvider r, double a, double b) {
        double x = gamma(r, a, 1);
        return x / (x + gamma(r, b, 1));
    }

    /** The year with scalar loops: the per-customer arithmetic fused into one loop per chunk. */
    @Benchmark
    public double year() {
        for (int t = 1; t <= months; t++) {
            month(t, false);
        }
        return paretoSum + activeMonths;
    }

    /** The year with the customer loop on vector lanes ({@link LanesMonth}); needs the Vector API module. */
    @Benchmark
    public double yearOnLanes() {
        for (int t = 1; t <= months; t++) {
            month(t, true);
        }
        return paretoSum + activeMonths;
    }

    /**
     * What the year did: active customer-months, purchases, bad experiences, customers churned, revenue, and the top
     * fifth's share of window revenue averaged over the months (0 unless {@link #ranked}).
     */
    record Work(long activeMonths, long purchases, long badExperiences, long churned, double revenue, double topFifthShare) {
    }

    Work work() {
        return new Work(activeMonths, purchases, badExperiences, churnedCount, revenue, paretoSum / months);
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n[kernel] active customer-months %d%n", activeMonths);
    }

    private void month(int t, boolean onLanes) {
        long key = SplitMix64.mix(0x5E6D4C3B2A190817L + t * 0xD1B54A32D192ED03L);
        int slot = t % WINDOW;
        int n = customers;
        int active = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            positions(key, from, size);
            if (onLanes) {
                lanes.uniforms(base, size);
                int full = size - size % LanesMonth.LANES;
                uniforms(full, size);
                active += lanes.customers(this, t, slot, from, full) + customers(t, slot, from, full, size);
            } else {
                uniforms(0, size);
                active += customers(t, slot, from, 0, size);
            }
            features(t, from, size);
        }
        activeMonths += active;
        if (ranked) {
            paretoSum += topFifthShare(active);
        }
    }

    /** The chunk's draw positions: one hash of (month, customer) each. */
    private void positions(long key, int from, int size) {
        for (int j = 0; j < size; j++) {
            base[j] = SplitMix64.mix(key + (from + j + 1L) * GAMMA);
        }
    }

    /** One uniform per purpose that needs one, for customers [first, size) of the chunk: loops the JIT vectorises. */
    private void uniforms(int first, int size) {
        for (int j = first; j < size; j++) {
            uPurchases[j] = (SplitMix64.mix(base[j] + SALT_PURCHASES + GAMMA) >>> 11) * 0x1.0p-53;
        }
        for (int j = first; j < size; j++) {
            uService[j] = (SplitMix64.mix(base[j] + SALT_SERVICE + GAMMA) >>> 11) * 0x1.0p-53;
        }
        for (int j = first; j < size; j++) {
            uComplaints[j] = (SplitMix64.mix(base[j] + SALT_COMPLAINTS + GAMMA) >>> 11) * 0x1.0p-53;
        }
        for (int j = first; j < size; j++) {
            uChurn[j] = (SplitMix64.mix(base[j] + SALT_CHURN + GAMMA) >>> 11) * 0x1.0p-53;
        }
    }

    /** Purchases, baskets, service, complaints, satisfaction, the window's slot and churn, fused per customer. */
    int customers(int t, int slot, int from, int first, int size) {
        int active = 0;
        int at = slot * customers;
        double shift = -0.5 * BASKET_SIGMA * BASKET_SIGMA;
        for (int j = first; j < size; j++) {
            int i = from + j;
            if (satisfaction[i] < 0) { // churned
                continue;
            }
            active++;
            double s = satisfaction[i];
            double s0 = baseline[i];
            int bought = poisson(uPurchases[j], rate[i] * Math.exp(PURCHASE_SENSITIVITY * (s - s0)));
            double gross = 0;
            if (bought > 0) {
                cursor.state = base[j] + SALT_BASKETS;
                for (int k = 0; k < bought; k++) {
                    gross += Math.exp(BASKET_SIGMA * gauss.sample() + shift);
                }
                gross *= spend[i];
                lastPurchase[i] = (short) t;
            }
            int requests = poisson(uService[j], demand[i]);
            int complaints = binomial(uComplaints[j], bought + requests, bad[i]);
            double next = Math.min(1.0, Math.max(0.0, s + DRIFT * (s0 - s) - COMPLAINT_IMPACT * complaints));
            satisfaction[i] = (float) next;
            int counted = Math.min(bought, 255);
            frequency[i] += counted - (ringPurchases[at + i] & 0xFF);
            ringPurchases[at + i] = (byte) counted;
            ringRevenue[at + i] = (float) gross;
            purchases += bought;
            badExperiences += complaints;
            revenue += gross;
            if (uChurn[j] < churn[i] * Math.exp(CHURN_SENSITIVITY * (s0 - next))) {
                satisfaction[i] = -1;
                churnedCount++;
            }
        }
        return active;
    }

    /** The window's monetary sum (slot by slot over contiguous runs), recency and frequency, and four-types. */
    private void features(int t, int from, int size) {
        float[] monetary = monetaryBuffer;
        Arrays.fill(monetary, 0, size, 0f);
        int n = customers;
        for (int k = 0; k < WINDOW; k++) {
            int at = k * n + from;
            for (int j = 0; j < size; j++) {
                monetary[j] += ringRevenue[at + j];
            }
        }
        for (int j = 0; j < size; j++) {
            int i = from + j;
            // Four types without a branch (random customers would mispredict one): valuable and frequent 0, valuable 1,
            // recent 2, the rest 3.
            int valuable = monetary[j] >= 400f ? 1 : 0;
            int frequent = frequency[i] >= 12 ? 1 : 0;
            int recent = t - lastPurchase[i] <= 2 ? 1 : 0;
            segment[i] = (byte) (valuable * (1 - frequent) + (1 - valuable) * (3 - recent));
            windowRevenue[i] = satisfaction[i] < 0 ? -1 : monetary[j];
        }
    }

    /** The sum of exp(σz − σ²/2) over {@code count} more baskets of chunk customer j, after the two drawn on lanes. */
    double moreBaskets(int j, int count) {
        cursor.state = base[j] + SALT_BASKETS + 2 * GAMMA;
        double shift = -0.5 * BASKET_SIGMA * BASKET_SIGMA;
        double sum = 0;
        for (int k = 0; k < count; k++) {
            sum += Math.exp(BASKET_SIGMA * gauss.sample() + shift);
        }
        return sum;
    }

    /** The share of window revenue that the top fifth of active customers holds: an LSD radix sort of the bits. */
    private double topFifthShare(int active) {
        int m = 0;
        double total = 0;
        for (int i = 0; i < customers; i++) {
            float v = windowRevenue[i];
            if (v >= 0) {
                keys[m++] = Float.floatToRawIntBits(v); // non-negative floats order as their bits
                total += v;
            }
        }
        int[] from = keys;
        int[] to = sorted;
        int[] counts = new int[1 << 11];
        for (int shift = 0; shift < 33; shift += 11) {
            Arrays.fill(counts, 0);
            for (int i = 0; i < m; i++) {
                counts[(from[i] >>> shift) & 0x7FF]++;
            }
            int sum = 0;
            for (int d = 0; d < counts.length; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = 0; i < m; i++) {
                int v = from[i];
                to[counts[(v >>> shift) & 0x7FF]++] = v;
            }
            int[] swap = from;
            from = to;
            to = swap;
        }
        double top = 0;
        for (int i = m - m / 5; i < m; i++) {
            top += Float.intBitsToFloat(from[i]);
        }
        return total > 0 ? top / total : 0;
    }

    /** Poisson by inversion from one uniform (the engine's small-mean path). */
    private static int poisson(double u, double mean) {
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 1000) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /** Binomial(n, p) by inversion from one uniform: the engine's small-count path, 0 < p < 1. */
    private static int binomial(double u, int n, double p) {
        return n == 0 ? 0 : Inversion.binomial(u, n, p);
    }

    /** A SplitMix64 cursor for the baskets' Gaussians, positioned per customer. */
    private static final class Cursor implements UniformRandomProvider {
        long state;

        @Override
        public long nextLong() {
            state += GAMMA;
            return SplitMix64.mix(state);
        }
    }
}
