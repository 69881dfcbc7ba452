package org.segmentlab.simulator.engine;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import org.segmentlab.simulator.population.Population;

/**
 * Everything that changes during a run, columnar like the population (row i is customer i everywhere).
 *
 * <p>The per-customer columns are declared once in {@link StateColumn#ALL} (allocation, copies, growth and the
 * state-size account follow it). The trailing-window features are kept as exact monthly buckets in a
 * {@link WindowRing}, which alone knows their layout.
 */
final class MarketState {
    static final short NEVER = Short.MIN_VALUE;
    static final int PRICE_STEPS = 250;
    static final int ANSWER_STEPS = 250;
    static final byte NOT_SURVEYED = (byte) 0xFF;

    final int window;
    Population population;
    int size;
    /** Customers that were customers at month 0 (rows 0 .. initialCount-1). */
    final int initialCount;
    /** Everyone ever acquired, initial customers included: A(t) of the Bass model. */
    long adopters;
    double profitCumulative;

    byte[] status;
    float[] satisfaction;
    short[] acquired;
    short[] lastPurchase;
    /**
     * Month of the last unresolved complaint (a detractor for complaintMemory months after); for a customer who is
     * gone (churned, or fired and a detractor), the month they left: the win-back delay and the fired detractors'
     * months count from it.
     */
    short[] lastComplaint;
    byte[] segment;
    /** Segment at month 0, for the lifetime value of each starting segment. */
    byte[] initialSegment;
    /**
     * The price the customer remembers, relative to list price, in steps of 1/{@value #PRICE_STEPS}
     * ({@value #PRICE_STEPS} = list price): a byte is precise enough for a remembered price (0.4%).
     */
    byte[] referencePrice;
    /** The last survey answer, in steps of 1/{@value #ANSWER_STEPS}, or {@link #NOT_SURVEYED}. */
    byte[] surveyAnswer;

    WindowRing ring;

    /**
     * Active customers in ascending order of window revenue, from the last ranking (for budgets); the size is
     * {@link #NO_VALUE_ORDER} when the run keeps no order (no plan has a budget).
     */
    int[] valueOrder;
    int valueOrderSize;
    static final int NO_VALUE_ORDER = -1;

    /** The reputation stock ρ, in [-1, 1] (docs/model.md, stage 6), and its value at month 0 (ρ₀). */
    double reputation;
    double reputationStart;
    /**
     * Where each month's new customers were appended, by channel: for month t, entries 4t … 4t+3 are the first row of
     * the advertising, imitation and referral blocks and the end of the last (rows are appended in that order). With
     * {@link #acquired} this tells a customer's channel without a column of its own.
     */
    int[] acquisitionBlocks = new int[0];

    MarketState(Population population, int window, short acquiredMonth) {
        this.population = population;
        this.window = window;
        this.size = population.size();
        this.initialCount = size;
        this.adopters = size;
        allocate(Math.max(16, population.capacity()));
        for (int i = 0; i < size; i++) {
            satisfaction[i] = population.satisfaction()[i];
            acquired[i] = acquiredMonth;
        }
    }

    private MarketState(MarketState o) {
        this.population = o.population.copy();
        this.window = o.window;
        this.size = o.size;
        this.initialCount = o.initialCount;
        this.adopters = o.adopters;
        this.profitCumulative = o.profitCumulative;
        for (StateColumn c : StateColumn.ALL) {
            c.copy(o, this);
        }
        this.initialSegment = o.initialSegment.clone();
        this.ring = o.ring.copy();
        this.valueOrderSize = o.valueOrderSize;
        this.reputation = o.reputation;
        this.reputationStart = o.reputationStart;
        this.acquisitionBlocks = o.acquisitionBlocks.clone();
    }

    /** Records where month t's new customers were appended (see {@link #acquisitionBlocks}). */
    void recordBlocks(int t, int advertising, int imitation, int referral, int end) {
        if (acquisitionBlocks.length < 4 * (t + 1)) {
            acquisitionBlocks = Arrays.copyOf(acquisitionBlocks, Math.max(4 * (t + 1), 2 * acquisitionBlocks.length));
        }
        acquisitionBlocks[4 * t] = advertising;
        acquisitionBlocks[4 * t + 1] = imitation;
        acquisitionBlocks[4 * t + 2] = referral;
        acquisitionBlocks[4 * t + 3] = end;
    }

    /**
     * How customer i came, as an {@link org.segmentlab.simulator.metrics.AcquisitionChannel} ordinal: a row outside the
     * block of its acquisition month is an ex-customer who returned (their month was reset when they came back).
     */
    int channel(int i) {
        int t = acquired[i];
        if (t <= 0) {
            return 0;
        }
        int k = 4 * t;
        if (k + 3 >= acquisitionBlocks.length || i < acquisitionBlocks[k] || i >= acquisitionBlocks[k + 3]) {
            return 4;
        }
        return i < acquisitionBlocks[k + 1] ? 1 : i < acquisitionBlocks[k + 2] ? 2 : 3;
    }

    /** Brings an ex-customer back in month t: a new relationship, with no window history and list-price memories. */
    void reactivate(int i, short t) {
        status[i] = CustomerStatus.ACTIVE;
        acquired[i] = t;
        satisfaction[i] = population.satisfaction()[i];
        lastPurchase[i] = NEVER;
        lastComplaint[i] = NEVER;
        referencePrice[i] = (byte) PRICE_STEPS;
        surveyAnswer[i] = NOT_SURVEYED;
        ring.clear(i);
    }

    /** An independent copy: every strategy starts from the same month-0 state. */
    MarketState copy() {
        return new MarketState(this);
    }

    private void allocate(int capacity) {
        for (StateColumn c : StateColumn.ALL) {
            c.allocate(this, capacity);
        }
        initialSegment = new byte[initialCount];
        ring = new WindowRing(window, capacity);
    }

    int capacity() {
        return status.length;
    }

    /**
     * Adds rows up to {@code newSize} (traits already drawn into the population by the caller). Room is made by half
     * again ({@link RunBudget#GROWTH} counts the heap that way); the columns are copied side by side on {@code pool}
     * (null: in the calling thread), as a growing market's copies were a serial part of its month.
     */
    void grow(int newSize, short month, ForkJoinPool pool) {
        if (newSize > capacity()) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max(newSize, capacity() + (long) (capacity() >> 1)));
            ring.grow(cap, pool);
            PoolBlocks.forEach(pool, StateColumn.ALL.size(), k -> StateColumn.ALL.get(k).grow(this, cap));
        }
        float[] baseline = population.satisfaction();
        for (int i = size; i < newSize; i++) {
            satisfaction[i] = baseline[i];
            acquired[i] = month;
            status[i] = CustomerStatus.ACTIVE;
        }
        size = newSize;
    }

    /**
     * Bytes of engine state per customer, population traits included (the memory target counts both). The month-0
     * segment is kept for the initial customers only, so it is not counted per customer.
     */
    static long bytesPerCustomer(int window) {
        long state = StateColumn.ALL.stream().mapToInt(StateColumn::bytes).sum();
        long ring = WindowRing.bytesPerCustomer(window);
        return Population.bytesPerCustomer() + state + ring;
    }
}
