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
    double detractorShare;
    /** exp(−κ · detractor share): this month's factor on every channel's conversion. */
    double womDamping;
    /** This month's probability that one person in the pool becomes a customer (an ex-customer back in the pool too). */
    double personProbability;

    Month(StepSettings settings) {
        this.settings = settings;
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
        }
    }
}
