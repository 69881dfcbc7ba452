package org.segmentlab.model;

/**
 * The fixed sizes in which SegmentLab splits customers into units of work, in one place. Each is fixed (never derived
 * from the thread count), so the split, the random streams and every floating-point sum are the same on any machine
 * and any number of threads. Here (in the model) because the classifier needs one; the others are used by the
 * simulator.
 *
 * <p>Two kinds, and the difference matters:
 * <ul>
 * <li><b>Part of the results</b> ({@link #POPULATION}, {@link #ENGINE_STEP}): a chunk keys random streams or fixes
 *     the order of a floating-point sum, so changing one changes the numbers of every saved (scenario, seed). Never
 *     change them; if one must change, say so as a result-changing step.</li>
 * <li><b>Work split only</b> ({@link #RANKING}, {@link #CLASSIFIER}): results are identical for any value (tests check
 *     the parallel path against the sequential one); they may be tuned for speed.</li>
 * </ul>
 * Cache-tiling blocks inside a kernel (the classifier's 128-customer block) are the kernel's own tuning and live with
 * it.
 */
public final class Chunks {

    /**
     * Customers per chunk of the generated initial population: chunk c draws only from its own stream
     * (replication, purpose, c); and per chunk of a month's newcomers, whose traits chunk c draws from (replication,
     * purpose, month, c). Part of the results.
     */
    public static final int POPULATION = 4096;

    /**
     * Customers per chunk of the engine's monthly step: the unit of parallel work and of the month's partial sums,
     * which are added in chunk order. Part of the results.
     */
    public static final int ENGINE_STEP = 4096;

    /** Customers per parallel block of the monthly revenue ranking (gather, radix sort, ranks). Work split only. */
    public static final int RANKING = 1 << 16;

    /** Customers per parallel task of the rule-table classifier. Work split only. */
    public static final int CLASSIFIER = 1 << 16;

    private Chunks() {
    }
}
