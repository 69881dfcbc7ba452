package org.segmentlab.simulator.engine;

/**
 * What every stage of one month shares: the scenario's constants, the state, the strategy's plan, the month, and what the month-wide stages
 * decided for the chunk stages (who the budget leaves untreated, the detractor share, this month's acquisition
 * probability). Reused month after month by one {@link MonthlyStep}.
 */
final class Month {
    /** The scenario's constants, the same every month. */
    final StepSettings settings;
    /** How the chunk stages draw their Poisson and binomial counts (scalar or on vector lanes: the same counts). */
    final PoissonKernel poisson = PoissonKernel.configured();
    final BinomialKernel binomial = BinomialKernel.configured();
    /** How they draw their positions and single uniforms, a chunk at a time (scalar or on vector lanes: the same numbers). */
    final UniformKernel uniforms = UniformKernel.configured();
    /** How the features sum the window's revenue and margin (scalar, or on vector lanes: the same sums). */
    final WindowSumsKernel windowSums = WindowSumsKernel.configured();
    MarketState st;
    TreatmentTable plan;
    int t;
    boolean burnIn;
    /** Whether this month classifies again (the burn-in, and every reclassifyEvery months). */
    boolean reclassify;
    /** The key all of this month's customer draws start from. */
    long key;
    /** Customers before this month's acquisitions: only they can churn this month. */
    int sizeBefore;
    /** Whether any event is in effect this month (most months: none, and the per-customer check is skipped). */
    boolean events;
    /** A sale the whole market sees this month (0 when none). */
    double sale;
    /** Whether the budget binds this month; then {@link #untreated} marks who gets {@code none}. */
    boolean budgetBinds;
    boolean[] untreated = new boolean[0];
    /** This month's price gap (price offered − reference price, when positive) per customer, for churn. */
    float[] priceGap = new float[0];
    /**
     * Each active customer's percentile of window revenue, from this month's ranking, for the classifier right after
     * it: written and read in the same month, so scratch, not state. Filled only when the taxonomy reads it.
     */
    float[] valueRank = new float[0];
    /**
     * The events' churn multiplier of each customer this month, and the competitor's price a price war makes them
     * remember ({@link #NO_COMPETITOR_PRICE} when none): written by the events stage in pass A, read by the churn pass.
     * Kept only when the scenario has events.
     */
    double[] eventChurn = new double[0];
    byte[] competitorPrice = new byte[0];
    /** Above every remembered price (which is at most {@link MarketState#PRICE_STEPS}): lowers nothing. */
    static final byte NO_COMPETITOR_PRICE = (byte) 0xFF;
    private final boolean withEvents;
    double detractorShare;
    /** exp(−κ · detractor share): this month's factor on every channel's conversion. */
    double womDamping;
    /** This month's probability that one person in the pool becomes a customer (an ex-customer back in the pool too). */
    double personProbability;

    Month(StepSettings settings, boolean withEvents) {
        this.settings = settings;
        this.withEvents = withEvents;
    }

    /** The treatment row customer i gets this month: its segment's, or {@code none} when the budget left it out. */
    int treatmentRow(int i) {
        return budgetBinds && untreated[i] ? plan.untreated() : st.segment[i];
    }

    /** Grows the per-customer scratch with the state, keeping what this month already wrote. */
    void ensureCapacity(int capacity) {
        if (priceGap.length < capacity) {
            // Written before acquisition and read by the churn stage after it: growing for the new customers must
            // keep what the month wrote.
            priceGap = java.util.Arrays.copyOf(priceGap, capacity);
            untreated = java.util.Arrays.copyOf(untreated, capacity);
            if (withEvents) {
                eventChurn = java.util.Arrays.copyOf(eventChurn, capacity);
                competitorPrice = java.util.Arrays.copyOf(competitorPrice, capacity);
            }
        }
    }
}
