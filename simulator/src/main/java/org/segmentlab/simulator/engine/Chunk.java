package org.segmentlab.simulator.engine;

import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.segmentlab.model.feature.FeatureTable;

/**
 * One chunk of customers on its way through the month's chunk stages, and the scratch a worker thread lends it: a
 * random cursor, the customers still in play after assignment ({@link #live}, chunk-local), and the columns one
 * stage writes for the next (indexed by position in {@link #live}). No ThreadLocal: nothing outlives the run.
 */
final class Chunk {
    /** Customers per chunk: fixed, so the work split and every floating-point sum never depend on the thread count. */
    static final int SIZE = org.segmentlab.model.Chunks.ENGINE_STEP;

    final CustomerRandom rng = new CustomerRandom();
    final NormalizedGaussianSampler gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    final FeatureTable features = FeatureTable.ofSize(SIZE);
    final byte[] classified = new byte[SIZE];
    final WindowSums.Totals windowTotals = new WindowSums.Totals(SIZE);
    /** The chunk stages' times on this worker's scratch, when the run is timed ({@link MarketSimulation#timeStages}). */
    final StageClock clock = new StageClock();

    int from;
    int to;
    Tally tally;

    /** Rows (customer indices) active and not terminated this month, in order; {@link #liveCount} of them. */
    final int[] live = new int[SIZE];
    int liveCount;
    /** The customer's base position for this month's draws: hashed once, every purpose starts from it. */
    final long[] position = new long[SIZE];
    final int[] row = new int[SIZE];

    // Events in effect for the customer (1 and 0 when none).
    final double[] eventChurn = new double[SIZE];
    final double[] eventPurchase = new double[SIZE];
    final double[] eventSatisfaction = new double[SIZE];
    final double[] eventComplaint = new double[SIZE];
    /** The lowest competitor's price a customer sees this month (1 when none undercuts us). */
    final double[] competitorPrice = new double[SIZE];

    /**
     * A stage's Poisson means for {@link PoissonKernel} (purchases, then service), or its probabilities for
     * {@link BinomialKernel} with the {@link #trials} (complaints), and the kernels' scratch.
     */
    final double[] mean = new double[SIZE];
    final double[] drawn = new double[SIZE];
    /** The vector kernels' uniforms, one pass ahead of the draw that uses them, and what one pass hands the next. */
    final double[] uniform = new double[SIZE];
    final double[] passA = new double[SIZE];
    final double[] passB = new double[SIZE];
    final int[] trials = new int[SIZE];
    /**
     * For a pass over every row (the churn pass), row i at {@code i - from}: the draw positions, and one uniform per
     * row for one purpose ({@link UniformKernel}).
     */
    final long[] rowPosition = new long[SIZE];
    final double[] rowDraw = new double[SIZE];
    /** How many of the chunk's first rows have their {@link #rowPosition} this pass. */
    int rowsPositioned;

    // Purchases.
    final double[] discount = new double[SIZE];
    final int[] purchases = new int[SIZE];
    final double[] gross = new double[SIZE];
    final double[] basket = new double[SIZE];
    final boolean[] leaving = new boolean[SIZE];

    // Service.
    final int[] served = new int[SIZE];
    final int[] charged = new int[SIZE];
    final double[] fees = new double[SIZE];

    // Satisfaction.
    final int[] complaints = new int[SIZE];
    final int[] voiced = new int[SIZE];
    final double[] satisfaction = new double[SIZE];

    // Word of mouth.
    final int[] referred = new int[SIZE];

    Chunk at(int chunk, int size, Tally into) {
        from = chunk * SIZE;
        to = Math.min(size, from + SIZE);
        tally = into;
        liveCount = 0;
        return this;
    }
}
